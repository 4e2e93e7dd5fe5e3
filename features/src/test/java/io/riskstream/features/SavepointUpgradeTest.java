package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A savepoint of the card stage taken under one spec restores into the next version of the job,
 * whose spec adds a card feature: the old features continue from the saved state and the new one
 * starts empty. The new feature is declared between the old ones, so state found by position rather
 * than by name would mix them up.
 */
class SavepointUpgradeTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final FeatureSpec BEFORE =
      FeatureSpec.builder("v1", Duration.ofSeconds(1))
          .window(Entity.CARD, Aggregate.COUNT, DAY)
          .distinct(Entity.CARD, Entity.TERMINAL, DAY)
          .build();
  private static final FeatureSpec AFTER =
      FeatureSpec.builder("v2", Duration.ofSeconds(1))
          .window(Entity.CARD, Aggregate.COUNT, DAY)
          .distinct(Entity.CARD, Entity.DEVICE, Duration.ofDays(7))
          .distinct(Entity.CARD, Entity.TERMINAL, DAY)
          .build();

  @Test
  void oldFeaturesContinueAcrossTheUpgradeAndTheAddedOneWorks() throws Exception {
    OperatorSubtaskState savepoint;
    try (var v1 = harness(BEFORE)) {
      v1.open();
      v1.processElement1(txn(BEFORE, "a", 1_000, "t-1", "d-1"), 1_000);
      v1.processElement1(txn(BEFORE, "b", 2_000, "t-2", "d-1"), 2_000);
      watermark(v1, 2_000);
      assertThat(v1.extractOutputValues()).hasSize(2);
      savepoint = v1.snapshot(1L, 2_000L);
    }

    try (var v2 = harness(AFTER)) {
      v2.setup();
      v2.initializeState(savepoint);
      v2.open();
      v2.processElement1(txn(AFTER, "c", 3_000, "t-3", "d-2"), 3_000);
      v2.processElement1(txn(AFTER, "d", 4_000, "t-1", "d-2"), 4_000);
      watermark(v2, 4_000);

      List<FeatureRecord> out = v2.extractOutputValues();
      assertThat(out).extracting(r -> r.transactionId).containsExactly("c", "d");
      assertThat(out)
          .as("counts include the two transactions before the savepoint")
          .extracting(r -> value(r, "card_count_1d"))
          .containsExactly(3.0, 4.0);
      assertThat(out)
          .as("t-1, t-2 from before the savepoint, then t-3")
          .extracting(r -> value(r, "card_distinct_terminals_1d"))
          .containsExactly(3.0, 3.0);
      assertThat(out)
          .as("new feature: only devices seen since the upgrade")
          .extracting(r -> value(r, "card_distinct_devices_7d"))
          .containsExactly(1.0, 1.0);
    }
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, FeatureRecord, LabelEvent, FeatureRecord>
      harness(FeatureSpec spec) throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new EntityFeatureFunction(spec, Entity.CARD, Duration.ZERO)),
        r -> r.cardId,
        l -> l.cardId,
        Types.STRING);
  }

  private static void watermark(
      KeyedTwoInputStreamOperatorTestHarness<String, FeatureRecord, LabelEvent, FeatureRecord> h,
      long t)
      throws Exception {
    h.processWatermark1(new Watermark(t));
    h.processWatermark2(new Watermark(t));
  }

  private static FeatureRecord txn(
      FeatureSpec spec, String id, long eventTime, String terminal, String device) {
    FeatureRecord record = new FeatureRecord();
    record.transactionId = id;
    record.cardId = "c-1";
    record.terminalId = terminal;
    record.deviceId = device;
    record.eventTime = eventTime;
    record.amount = 10;
    record.values = new double[spec.size()];
    return record;
  }

  private static double value(FeatureRecord record, String feature) {
    return record.values[AFTER.indexOf(feature)];
  }
}
