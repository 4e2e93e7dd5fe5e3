package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.Label;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabelEnrichmentFunctionTest {
  private KeyedTwoInputStreamOperatorTestHarness<String, FeatureRecord, Label, LabelEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new LabelEnrichmentFunction(Duration.ofDays(1))),
            r -> r.transactionId,
            Label::getTransactionId,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aFraudLabelReachesTheEntitiesOfItsTransaction() throws Exception {
    FeatureRecord txn = EntityFeaturesTest.record("tx-1", 1_000, 5);
    txn.deviceId = "d-1";
    harness.processElement1(txn, 1_000);
    harness.processElement2(label("tx-1", true), 2_000);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.terminalId).isEqualTo("t-1");
              assertThat(e.deviceId).isEqualTo("d-1");
              assertThat(e.eventTime).isEqualTo(1_000);
              assertThat(e.fraudDelta).isEqualTo(1);
            });
  }

  @Test
  void aLabelBeforeItsTransactionWaitsForIt() throws Exception {
    harness.processElement2(label("tx-2", true), 1_000);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processElement1(EntityFeaturesTest.record("tx-2", 900, 5), 900);

    assertThat(harness.extractOutputValues()).extracting(e -> e.fraudDelta).containsExactly(1);
  }

  @Test
  void onlyChangesOfVerdictCount() throws Exception {
    harness.processElement1(EntityFeaturesTest.record("tx-3", 1_000, 5), 1_000);
    harness.processElement2(label("tx-3", false), 2_000);
    harness.processElement2(label("tx-3", true), 3_000);
    harness.processElement2(label("tx-3", true), 4_000);
    harness.processElement2(label("tx-3", false), 5_000);

    assertThat(harness.extractOutputValues())
        .as("genuine: nothing; fraud: +1; fraud again: nothing; reversed: -1")
        .extracting(e -> e.fraudDelta)
        .containsExactly(1, -1);
  }

  @Test
  void forgetsATransactionOnceTheWatermarkPassesItsRetention() throws Exception {
    harness.processElement1(EntityFeaturesTest.record("tx-4", 1_000, 5), 1_000);
    harness.processElement2(label("tx-4", true), 2_000);
    harness.processWatermark1(new Watermark(1_000 + Duration.ofDays(1).toMillis()));
    harness.processWatermark2(new Watermark(1_000 + Duration.ofDays(1).toMillis()));

    assertThat(harness.numKeyedStateEntries()).as("state of tx-4 after its retention").isZero();
    harness.processElement2(label("tx-4", false), 3_000);
    assertThat(harness.extractOutputValues())
        .as("a reversal after the retention finds no transaction to undo")
        .extracting(e -> e.fraudDelta)
        .containsExactly(1);
  }

  @Test
  void keepsATransactionWithinItsRetention() throws Exception {
    harness.processElement1(EntityFeaturesTest.record("tx-5", 1_000, 5), 1_000);
    harness.processElement2(label("tx-5", true), 2_000);
    harness.processWatermark1(new Watermark(Duration.ofDays(1).toMillis()));
    harness.processWatermark2(new Watermark(Duration.ofDays(1).toMillis()));

    harness.processElement2(label("tx-5", false), 3_000);

    assertThat(harness.extractOutputValues()).extracting(e -> e.fraudDelta).containsExactly(1, -1);
  }

  private static Label label(String transactionId, boolean fraud) {
    return Label.newBuilder()
        .setTransactionId(transactionId)
        .setCardId("c-1")
        .setFraud(fraud)
        .setLabelTime(1)
        .build();
  }
}
