package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.ModelEventKind;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveViewTest {
  private static final long NOW = 1_700_000_000_000L;
  private final LiveView view = new LiveView();

  @Test
  void countsRatesAndDecisionsOfCommittedScores() {
    for (int i = 0; i < 10; i++) {
      long at = NOW - 3_000 + i * 100; // ten scores within one whole second, three seconds ago
      view.onTransaction(Records.transaction("t" + i, 10 + i, at), at);
      view.onScore(Records.score("t" + i, 0.01, Decision.APPROVE, at - 40, 1), at);
    }
    view.onScore(Records.score("t9", 0.95, Decision.DECLINE, NOW - 2_040, 2), NOW - 2_000);

    DashboardState state = view.state(NOW);

    assertThat(state.transactions()).isEqualTo(10);
    assertThat(state.scores()).isEqualTo(11);
    assertThat(state.scoresPerSecond())
        .as("11 scores over the last 5 whole seconds")
        .isEqualTo(2.2);
    assertThat(state.decisions()).containsEntry("APPROVE", 10L).containsEntry("DECLINE", 1L);
    assertThat(state.latency().p50()).isEqualTo(40.0);
    assertThat(state.modelVersion()).isEqualTo(2);
    assertThat(state.scoreHistogram()[0]).isEqualTo(10.0 / 11);
    assertThat(state.scoreHistogram()[LiveView.HISTOGRAM_BINS - 1]).isEqualTo(1.0 / 11);
  }

  @Test
  void aFlaggedScoreBecomesAnAlertWithItsAmountAndReasons() {
    view.onTransaction(Records.transaction("t1", 812.5, NOW), NOW);
    view.onScore(Records.score("t1", 0.7, Decision.REVIEW, NOW, 3), NOW + 50);
    view.onScore(Records.score("t2", 0.1, Decision.APPROVE, NOW, 3), NOW + 50);

    assertThat(view.state(NOW + 100).alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.transactionId()).isEqualTo("t1");
              assertThat(alert.amount()).isEqualTo(812.5);
              assertThat(alert.decision()).isEqualTo("REVIEW");
              assertThat(alert.reasons())
                  .as(
                      "features that pushed towards fraud, strongest first as the scorer ranks them")
                  .containsExactly("amount_log", "terminal_risk_7d");
            });
  }

  @Test
  void foldsModelEventsIntoTimelineQualityAndDrift() {
    view.onModelEvent(Records.published(2, NOW, 0.91, 0.62));
    view.onModelEvent(Records.event(ModelEventKind.GATE_REJECTED, 3, NOW + 1, "AP fell by 0.08"));
    view.onModelEvent(Records.event(ModelEventKind.DRIFT_DETECTED, 2, NOW + 2, "ADWIN"));
    view.onModelEvent(Records.event(ModelEventKind.ROLLED_BACK, 4, NOW + 3, "operator"));

    DashboardState state = view.state(NOW + 10);

    assertThat(state.versions())
        .extracting(DashboardState.VersionEvent::kind)
        .as("newest first; drift has its own list")
        .containsExactly("ROLLED_BACK", "GATE_REJECTED", "PUBLISHED");
    assertThat(state.quality()).singleElement().satisfies(q -> assertThat(q.auc()).isEqualTo(0.91));
    assertThat(state.drift())
        .extracting(DashboardState.VersionEvent::reason)
        .containsExactly("ADWIN");
    assertThat(view.modelEvents("GATE_REJECTED")).isEqualTo(1);
  }

  @Test
  void countsDeadLettersByJobAndLateTransactions() {
    view.onDeadLetter(deadLetter("riskstream-scoring", "late: event time 1 arrived behind"), NOW);
    view.onDeadLetter(deadLetter("riskstream-scoring", "not valid Avro"), NOW);
    view.onDeadLetter(deadLetter("riskstream-learner", "no snapshot"), NOW);

    assertThat(view.state(NOW).deadLetters()).isEqualTo(3);
    assertThat(view.deadLettersByJob())
        .isEqualTo(Map.of("riskstream-scoring", 2L, "riskstream-learner", 1L));
    assertThat(view.lateTransactions()).isEqualTo(1);
  }

  @Test
  void theLatencyChartHasNoValueForSecondsWithoutScores() {
    view.onScore(Records.score("t1", 0.1, Decision.APPROVE, NOW - 1_000, 1), NOW - 900);
    view.tick(NOW - 500);

    DashboardState.Series series = view.state(NOW).series();

    int last = series.seconds().length - 1;
    assertThat(series.latencyP50()[last]).isEqualTo(100.0);
    assertThat(series.latencyP50()[last - 1]).isNull();
    assertThat(StateJson.of(view.state(NOW))).doesNotContain("NaN");
  }

  private static DeadLetter deadLetter(String job, String reason) {
    return DeadLetter.newBuilder()
        .setSourceTopic("transactions")
        .setPartition(0)
        .setOffset(1)
        .setReason(reason)
        .setPayload(ByteBuffer.wrap(new byte[] {1}))
        .setJob(job)
        .setFailedAt(NOW)
        .build();
  }
}
