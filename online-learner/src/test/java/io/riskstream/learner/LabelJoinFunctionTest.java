package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabelJoinFunctionTest {
  private KeyedTwoInputStreamOperatorTestHarness<String, FeatureSnapshot, Label, TrainingExample>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new LabelJoinFunction(Duration.ofDays(1), Duration.ofMinutes(10))),
            FeatureSnapshot::getTransactionId,
            Label::getTransactionId,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void joinsALabelThatArrivesAfterItsSnapshot() throws Exception {
    harness.processElement1(Examples.snapshot("tx-1", 0.5f), 1);
    harness.processElement2(Examples.label("tx-1", true, 100), 2);

    assertThat(joined())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transactionId).isEqualTo("tx-1");
              assertThat(e.fraud).isTrue();
              assertThat(e.features[0]).isEqualTo(0.5f);
              assertThat(e.labelTime).isEqualTo(100);
            });
  }

  @Test
  void reportsALabelThatFoundNoSnapshotWithinTheWait() throws Exception {
    harness.setProcessingTime(0);
    harness.processElement2(Examples.label("tx-lost", true, 100), 1);
    harness.processElement2(Examples.label("tx-late", false, 100), 1);
    harness.setProcessingTime(60_000);
    harness.processElement1(Examples.snapshot("tx-late", 0.1f), 2);

    harness.setProcessingTime(Duration.ofMinutes(10).toMillis());

    assertThat(harness.getSideOutput(LabelJoinFunction.UNMATCHED))
        .extracting(r -> r.getValue().getTransactionId())
        .containsExactly("tx-lost");
    assertThat(joined()).extracting(e -> e.transactionId).containsExactly("tx-late");
  }

  @Test
  void joinsALabelThatArrivesBeforeItsSnapshot() throws Exception {
    harness.processElement2(Examples.label("tx-2", false, 100), 1);
    assertThat(joined()).isEmpty();

    harness.processElement1(Examples.snapshot("tx-2", 0.25f), 2);

    assertThat(joined()).singleElement().satisfies(e -> assertThat(e.fraud).isFalse());
  }

  @Test
  void neverJoinsAcrossTransactions() throws Exception {
    harness.processElement1(Examples.snapshot("tx-3", 0.5f), 1);
    harness.processElement2(Examples.label("tx-4", true, 100), 2);

    assertThat(joined()).isEmpty();
  }

  @Test
  void aRevisedLabelJoinsTheSameSnapshotAgain() throws Exception {
    harness.processElement1(Examples.snapshot("tx-5", 0.5f), 1);
    harness.processElement2(Examples.label("tx-5", true, 100), 2);
    harness.processElement2(Examples.label("tx-5", false, 200), 3);

    assertThat(joined()).extracting(e -> e.fraud).containsExactly(true, false);
  }

  @Test
  void aRepeatedVerdictIsLearnedOnce() throws Exception {
    harness.processElement2(Examples.label("tx-7", true, 100), 1);
    harness.processElement2(Examples.label("tx-7", true, 100), 1); // retried while waiting
    harness.processElement1(Examples.snapshot("tx-7", 0.5f), 2);
    harness.processElement2(Examples.label("tx-7", true, 150), 3); // reported twice
    harness.processElement2(Examples.label("tx-7", false, 200), 4); // reversed
    harness.processElement2(Examples.label("tx-7", false, 210), 5);
    harness.processElement2(Examples.label("tx-7", true, 300), 6); // disputed again

    assertThat(joined()).extracting(e -> e.fraud).containsExactly(true, false, true);
  }

  @Test
  void forgetsASnapshotOnceTheWatermarkPassesItsRetention() throws Exception {
    harness.setProcessingTime(0);
    harness.processElement1(Examples.snapshot("tx-6", 0.5f), 1);
    harness.processElement2(Examples.label("tx-6", true, 100), 2);
    long expiry = 1_000 + Duration.ofDays(1).toMillis(); // the snapshot's event time + retention
    harness.processWatermark1(new Watermark(expiry - 1));
    harness.processWatermark2(new Watermark(expiry - 1));
    harness.processElement2(Examples.label("tx-6", false, 200), 3);

    harness.processWatermark1(new Watermark(expiry));
    harness.processWatermark2(new Watermark(expiry));
    harness.processElement2(Examples.label("tx-6", true, 300), 4);
    harness.setProcessingTime(Duration.ofMinutes(10).toMillis());

    assertThat(joined())
        .as("a revision within the retention joins; one after it finds no snapshot")
        .extracting(e -> e.labelTime)
        .containsExactly(100L, 200L);
    assertThat(harness.getSideOutput(LabelJoinFunction.UNMATCHED))
        .extracting(r -> r.getValue().getLabelTime())
        .containsExactly(300L);
  }

  @Test
  void itsLabelLagIsTheLatestJoinedLabelsAgeAtTheJoin() throws Exception {
    RecordedMetrics metrics = new RecordedMetrics();
    String lag = "flink_taskmanager_job_task_operator_riskstream_label_lag_seconds";
    try (var metered =
        metrics.keyedTwoInput(
            new KeyedCoProcessOperator<>(
                new LabelJoinFunction(Duration.ofDays(1), Duration.ofMinutes(10))),
            FeatureSnapshot::getTransactionId,
            Label::getTransactionId,
            Types.STRING)) {
      metered.open();
      assertThat((Double) metrics.gauge(lag)).as("no label joined yet").isNaN();

      metered.setProcessingTime(10_000);
      metered.processElement1(Examples.snapshot("tx-1", 0.5f), 1);
      metered.processElement2(Examples.label("tx-1", true, 7_500), 2);
      assertThat(metrics.gauge(lag)).isEqualTo(2.5);

      metered.processElement2(Examples.label("tx-2", true, 9_000), 3); // waits for its snapshot
      metered.setProcessingTime(12_000);
      metered.processElement1(Examples.snapshot("tx-2", 0.5f), 4);
      assertThat(metrics.gauge(lag)).as("joined once its snapshot came").isEqualTo(3.0);
      assertThat(metered.extractOutputValues()).hasSize(2);
    }
  }

  private List<TrainingExample> joined() {
    return harness.extractOutputValues();
  }
}
