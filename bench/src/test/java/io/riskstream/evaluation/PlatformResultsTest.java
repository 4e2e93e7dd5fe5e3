package io.riskstream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.evaluation.report.ModelResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformResultsTest {
  private static final long DAY = 86_400_000L;
  private static final KnownCompromisedCards NONE_KNOWN =
      new KnownCompromisedCards(List.of(), java.time.Duration.ofDays(7));

  private static Observed observed(String id, long time, boolean fraud, double score) {
    Observed o = new Observed(id, "card-" + id, time, fraud);
    o.scored = true;
    o.score = score;
    o.staticScore = 1 - score;
    o.modelVersion = time < 2 * DAY ? 1 : 2;
    o.modelTrainedThrough = o.modelVersion == 1 ? 0 : DAY;
    o.producedAt = 1_000;
    o.scoredAt = 1_010;
    o.committedAt = 1_500;
    o.features = new float[] {1};
    return o;
  }

  private final List<Observed> replay =
      List.of(
          observed("before", 0, true, 0.1), // before score-from: only history
          observed("a", DAY, true, 0.9),
          observed("b", DAY + 1, false, 0.2),
          observed("c", 2 * DAY, true, 0.8),
          observed("d", 2 * DAY + 1, false, 0.3));

  @Test
  void countsOnlyTheTransactionsFromScoreFromOn() {
    PlatformResults results = new PlatformResults(replay, DAY, NONE_KNOWN);

    assertThat(results.scored())
        .extracting(o -> o.transactionId)
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void reportsTheOnlineModelTheStaticOneAndNoChallengerWithoutItsScores() {
    List<ModelResult> models = new PlatformResults(replay, DAY, NONE_KNOWN).models();

    assertThat(models)
        .extracting(ModelResult::name)
        .containsExactly("riskstream-online", "riskstream-static");
    assertThat(models.get(0).metrics().auc()).isEqualTo(1.0);
    assertThat(models.get(1).metrics().auc()).isEqualTo(0.0);
  }

  @Test
  void latencyIsProducedToCommittedAndStalenessIsEventTimeMinusTrainedThrough() {
    PlatformResults results = new PlatformResults(replay, DAY, NONE_KNOWN);

    assertThat(results.performance(2.0).latencyP50Ms()).isEqualTo(500);
    assertThat(results.scoringLatency().percentile(50)).isEqualTo(10);
    assertThat(results.versions().versions()).hasSize(2);
    assertThat(results.versions().staleness().maxHours())
        .isCloseTo(24.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void refusesAReplayWithNothingInTheScoredWindow() {
    assertThatThrownBy(() -> new PlatformResults(replay, 10 * DAY, NONE_KNOWN))
        .hasMessageContaining("no transaction was scored");
  }
}
