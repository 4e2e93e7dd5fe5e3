package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.FeatureSpecs;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CardHistoryFunctionTest {

  @Test
  void attachesTheCardsPreviousScaledVectorsOldestFirstAndBounded() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, FeatureRecord, ScoringRequest> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new CardHistoryFunction(FeatureSpecs.HANDBOOK, 2, Duration.ZERO),
            r -> r.cardId,
            Types.STRING)) {
      for (int i = 1; i <= 4; i++) {
        FeatureRecord record = EntityFeaturesTest.record("tx-" + i, i * 1_000L, i);
        record.values[0] = i; // amount, log1p-scaled for the model
        harness.processElement(record, i * 1_000L);
      }
      harness.processWatermark(4_000);

      List<ScoringRequest> requests = harness.extractOutputValues();
      assertThat(requests).extracting(r -> r.history.length).containsExactly(0, 1, 2, 2);
      ScoringRequest last = requests.get(3);
      assertThat(last.features[0]).isEqualTo((float) Math.log1p(4));
      assertThat(last.history[0][0]).isEqualTo((float) Math.log1p(2));
      assertThat(last.history[1][0]).isEqualTo((float) Math.log1p(3));
    }
  }
}
