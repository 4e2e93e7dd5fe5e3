package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CardFeatureFunctionTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;

  private KeyedOneInputStreamOperatorTestHarness<String, EnrichedTransaction, ScoringRequest>
      harness;

  private void open(int historyLength) throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new CardFeatureFunction(historyLength), e -> e.cardId, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  static EnrichedTransaction enriched(
      String id, String card, double amount, long time, float distinctCards) {
    EnrichedTransaction e = new EnrichedTransaction();
    e.transactionId = id;
    e.cardId = card;
    e.terminalId = "t-1";
    e.amount = amount;
    e.eventTime = time;
    e.terminalDistinctCards24h = distinctCards;
    return e;
  }

  private void send(EnrichedTransaction e) throws Exception {
    harness.processElement(e, e.eventTime);
  }

  @Test
  void featuresForAKnownSequence() throws Exception {
    open(4);
    send(enriched("x1", "c-1", 100, T0, 1));
    send(enriched("x2", "c-1", 50, T0 + 10 * MIN, 3));
    send(enriched("x3", "c-1", 300, T0 + 2 * HOUR, 5)); // first two leave the 1 h window

    List<ScoringRequest> out = harness.extractOutputValues();
    assertThat(out).extracting(r -> r.transactionId).containsExactly("x1", "x2", "x3");

    float[] f2 = out.get(1).features;
    assertThat(f2[FeatureLayout.LOG_AMOUNT]).isCloseTo((float) Math.log1p(50), within(1e-5f));
    assertThat(f2[FeatureLayout.CARD_COUNT_1H]).isCloseTo((float) Math.log1p(2), within(1e-5f));
    assertThat(f2[FeatureLayout.CARD_SUM_1H]).isCloseTo((float) Math.log1p(150), within(1e-5f));
    assertThat(f2[FeatureLayout.CARD_MEAN_1H]).isCloseTo((float) Math.log1p(75), within(1e-5f));
    assertThat(f2[FeatureLayout.TERMINAL_DISTINCT_CARDS_24H])
        .isCloseTo((float) Math.log1p(3), within(1e-5f));

    float[] f3 = out.get(2).features;
    assertThat(f3[FeatureLayout.CARD_COUNT_1H]).isCloseTo((float) Math.log1p(1), within(1e-5f));
    assertThat(f3[FeatureLayout.CARD_SUM_1H]).isCloseTo((float) Math.log1p(300), within(1e-5f));
    assertThat(f3[FeatureLayout.CARD_COUNT_24H]).isCloseTo((float) Math.log1p(3), within(1e-5f));
    assertThat(f3[FeatureLayout.CARD_SUM_24H]).isCloseTo((float) Math.log1p(450), within(1e-5f));
    assertThat(f3[FeatureLayout.CARD_MEAN_24H]).isCloseTo((float) Math.log1p(150), within(1e-5f));
    assertThat(f3[FeatureLayout.AMOUNT_TO_CARD_MEAN_24H])
        .isCloseTo((float) Math.log1p(2), within(1e-5f));
    assertThat(out.get(2).amount).isEqualTo(300);
    assertThat(out.get(2).eventTime).isEqualTo(T0 + 2 * HOUR);
    assertThat(out.get(2).terminalId).isEqualTo("t-1");
  }

  @Test
  void historyHoldsPreviousVectorsOldestFirstAndIsBounded() throws Exception {
    open(2);
    for (int i = 0; i < 4; i++) {
      send(enriched("x" + i, "c-1", 10 * (i + 1), T0 + i * MIN, 1));
    }
    List<ScoringRequest> out = harness.extractOutputValues();
    assertThat(out.get(0).history).isEmpty();
    assertThat(out.get(1).history).isDeepEqualTo(new float[][] {out.get(0).features});
    assertThat(out.get(2).history)
        .isDeepEqualTo(new float[][] {out.get(0).features, out.get(1).features});
    assertThat(out.get(3).history)
        .isDeepEqualTo(new float[][] {out.get(1).features, out.get(2).features});
  }

  @Test
  void stateIsPerCard() throws Exception {
    open(3);
    send(enriched("x1", "c-1", 100, T0, 1));
    send(enriched("x2", "c-2", 7, T0 + MIN, 1));
    send(enriched("x3", "c-1", 100, T0 + 2 * MIN, 1));

    List<ScoringRequest> out = harness.extractOutputValues();
    ScoringRequest c2 = out.get(1);
    assertThat(c2.history).isEmpty();
    assertThat(c2.features[FeatureLayout.CARD_COUNT_24H])
        .isCloseTo((float) Math.log1p(1), within(1e-6f));
    ScoringRequest c1 = out.get(2);
    assertThat(c1.history).hasNumberOfRows(1);
    assertThat(c1.features[FeatureLayout.CARD_COUNT_24H])
        .isCloseTo((float) Math.log1p(2), within(1e-6f));
    assertThat(c1.features[FeatureLayout.CARD_SUM_24H])
        .isCloseTo((float) Math.log1p(200), within(1e-6f));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
  }

  @Test
  void messagesAndStateAreFlinkPojos() {
    // Kryo fallback would be slow and break state evolution; the scorer relies on POJO types.
    assertThat(TypeInformation.of(EnrichedTransaction.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(ScoringRequest.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(CardState.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(DistinctCounter.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
