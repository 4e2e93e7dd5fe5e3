package io.riskstream.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureComparisonTest {

  @Test
  void countsMustBeExactAndAveragesWithinAMillionth() {
    assertThat(FeatureComparison.matches("card_count_1d", 4, 4)).isTrue();
    assertThat(FeatureComparison.matches("card_count_1d", 4, 4.0000001)).isFalse();
    assertThat(FeatureComparison.matches("card_mean_1d", 30.14180952, 30.141809523809)).isTrue();
    assertThat(FeatureComparison.matches("card_mean_1d", 30.1418, 30.1419)).isFalse();
  }

  @Test
  void floatingPointResiduesOfAZeroSumMatchZero() {
    assertThat(FeatureComparison.matches("card_mean_1d", 8.881784197E-15, 0)).isTrue();
    assertThat(FeatureComparison.matches("card_mean_1d", 0.01, 0)).isFalse();
  }
}
