package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureVectorsTest {
  @Test
  void layoutHasStableNamesAndOrder() {
    assertThat(FeatureLayout.names())
        .containsExactly(
            "log_amount",
            "hour_sin",
            "hour_cos",
            "card_count_1h",
            "card_sum_1h",
            "card_mean_1h",
            "card_count_24h",
            "card_sum_24h",
            "card_mean_24h",
            "terminal_distinct_cards_24h",
            "amount_to_card_mean_24h");
    assertThat(FeatureLayout.size()).isEqualTo(11);
    assertThat(FeatureLayout.names().get(FeatureLayout.AMOUNT_TO_CARD_MEAN_24H))
        .isEqualTo("amount_to_card_mean_24h");
  }

  @Test
  void buildsScaledFeatures() {
    long sixAmUtc = 6 * 3_600_000L; // 1970-01-01T06:00Z: a quarter of the day
    float[] f = FeatureVectors.build(100, sixAmUtc, 2, 150, 4, 200, 9);
    assertThat(f).hasSize(FeatureLayout.size());
    assertThat(f[FeatureLayout.LOG_AMOUNT]).isCloseTo((float) Math.log1p(100), within(1e-6f));
    assertThat(f[FeatureLayout.HOUR_SIN]).isCloseTo(1f, within(1e-6f));
    assertThat(f[FeatureLayout.HOUR_COS]).isCloseTo(0f, within(1e-6f));
    assertThat(f[FeatureLayout.CARD_COUNT_1H]).isCloseTo((float) Math.log1p(2), within(1e-6f));
    assertThat(f[FeatureLayout.CARD_SUM_1H]).isCloseTo((float) Math.log1p(150), within(1e-6f));
    assertThat(f[FeatureLayout.CARD_MEAN_1H]).isCloseTo((float) Math.log1p(75), within(1e-6f));
    assertThat(f[FeatureLayout.CARD_COUNT_24H]).isCloseTo((float) Math.log1p(4), within(1e-6f));
    assertThat(f[FeatureLayout.CARD_SUM_24H]).isCloseTo((float) Math.log1p(200), within(1e-6f));
    assertThat(f[FeatureLayout.CARD_MEAN_24H]).isCloseTo((float) Math.log1p(50), within(1e-6f));
    assertThat(f[FeatureLayout.TERMINAL_DISTINCT_CARDS_24H])
        .isCloseTo((float) Math.log1p(9), within(1e-6f));
    assertThat(f[FeatureLayout.AMOUNT_TO_CARD_MEAN_24H])
        .isCloseTo((float) Math.log1p(2), within(1e-6f));
  }

  @Test
  void smallMeansDoNotExplodeTheRatio() {
    float[] f = FeatureVectors.build(0.5, 0, 1, 0.5, 1, 0.5, 1);
    assertThat(f[FeatureLayout.AMOUNT_TO_CARD_MEAN_24H])
        .isCloseTo((float) Math.log1p(0.5), within(1e-6f));
    assertThat(f[FeatureLayout.HOUR_COS]).isCloseTo(1f, within(1e-6f));
  }
}
