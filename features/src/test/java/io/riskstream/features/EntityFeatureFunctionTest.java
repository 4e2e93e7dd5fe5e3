package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpecs;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityFeatureFunctionTest {
  private static final int CARD_COUNT_1D = FeatureSpecs.HANDBOOK.indexOf("card_count_1d");
  private static final Duration HOLD = Duration.ofMillis(200);
  private KeyedTwoInputStreamOperatorTestHarness<String, FeatureRecord, LabelEvent, FeatureRecord>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new EntityFeatureFunction(FeatureSpecs.HANDBOOK, Entity.CARD, HOLD)),
            r -> r.cardId == null ? EntityFeatureFunction.NONE : r.cardId,
            l -> l.cardId,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void featuresTransactionsInEventTimeOrderOnceTheWatermarkPassesThem() throws Exception {
    harness.processElement1(EntityFeaturesTest.record("second", 2_000, 1), 2_000);
    harness.processElement1(EntityFeaturesTest.record("first", 1_000, 1), 1_000);
    assertThat(output()).as("held until the watermark").isEmpty();

    advanceWatermark(2_000);

    assertThat(output()).extracting(r -> r.transactionId).containsExactly("first", "second");
    assertThat(output()).extracting(r -> r.values[CARD_COUNT_1D]).containsExactly(1.0, 2.0);
  }

  @Test
  void releasesAHeldTransactionAfterTheHoldEvenIfTheWatermarkStands() throws Exception {
    harness.setProcessingTime(1_000);
    harness.processElement1(EntityFeaturesTest.record("second", 2_000, 1), 2_000);
    harness.processElement1(EntityFeaturesTest.record("first", 1_000, 1), 1_000);
    harness.setProcessingTime(1_199);
    assertThat(output()).isEmpty();

    harness.setProcessingTime(1_200);

    assertThat(output()).extracting(r -> r.transactionId).containsExactly("first", "second");
  }

  @Test
  void aTransactionOlderThanWhatWasReleasedIsLate() throws Exception {
    harness.setProcessingTime(1_000);
    harness.processElement1(EntityFeaturesTest.record("released", 2_000, 1), 2_000);
    harness.setProcessingTime(1_200);

    harness.processElement1(EntityFeaturesTest.record("behind", 1_500, 1), 1_500);

    assertThat(output()).extracting(r -> r.transactionId).containsExactly("released", "behind");
    assertThat(harness.getSideOutput(EntityFeatureFunction.LATE))
        .extracting(r -> r.getValue().transactionId)
        .containsExactly("behind");
  }

  @Test
  void aLateTransactionIsStillFeaturedAndReported() throws Exception {
    advanceWatermark(5_000);

    harness.processElement1(EntityFeaturesTest.record("late", 4_000, 1), 4_000);

    assertThat(output()).extracting(r -> r.transactionId).containsExactly("late");
    assertThat(harness.getSideOutput(EntityFeatureFunction.LATE))
        .extracting(r -> r.getValue().transactionId)
        .containsExactly("late");
  }

  @Test
  void aTransactionAlreadyReportedLateUpstreamIsNotReportedAgain() throws Exception {
    advanceWatermark(5_000);
    FeatureRecord reported = EntityFeaturesTest.record("late", 4_000, 1);
    reported.late = true;

    harness.processElement1(reported, 4_000);

    assertThat(output()).extracting(r -> r.transactionId).containsExactly("late");
    assertThat(harness.getSideOutput(EntityFeatureFunction.LATE)).isNullOrEmpty();
  }

  @Test
  void recordsThatDoNotNameTheEntityPassThroughAtOnce() throws Exception {
    FeatureRecord anonymous = EntityFeaturesTest.record("anon", 1_000, 1);
    anonymous.cardId = null;

    harness.processElement1(anonymous, 1_000);

    assertThat(output()).extracting(r -> r.values[CARD_COUNT_1D]).containsExactly(0.0);
  }

  @Test
  void keepsEachEntitysStateApart() throws Exception {
    FeatureRecord other = EntityFeaturesTest.record("other", 1_500, 1);
    other.cardId = "c-2";
    harness.processElement1(EntityFeaturesTest.record("mine", 1_000, 1), 1_000);
    harness.processElement1(other, 1_500);
    harness.processElement1(EntityFeaturesTest.record("mine-again", 2_000, 1), 2_000);

    advanceWatermark(2_000);

    assertThat(output()).extracting(r -> r.values[CARD_COUNT_1D]).containsExactly(1.0, 1.0, 2.0);
  }

  private void advanceWatermark(long timestamp) throws Exception {
    harness.processWatermark1(new Watermark(timestamp));
    harness.processWatermark2(new Watermark(timestamp));
  }

  private List<FeatureRecord> output() {
    return harness.extractOutputValues();
  }
}
