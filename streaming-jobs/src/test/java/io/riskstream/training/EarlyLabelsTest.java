package io.riskstream.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.FeatureSpecs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EarlyLabelsTest {

  @Test
  void theHandbookSpecsDelayedFraudRatesAreExactUpToTheirOwnDelay() {
    assertThat(EarlyLabels.features(FeatureSpecs.HANDBOOK, Duration.ofDays(7))).isEmpty();
    assertThat(EarlyLabels.features(FeatureSpecs.HANDBOOK, Duration.ZERO)).isEmpty();
    assertThat(EarlyLabels.features(FeatureSpecs.HANDBOOK, Duration.ofDays(8)))
        .containsExactly(
            "terminal_fraud_rate_1d_delay_7d",
            "terminal_fraud_rate_7d_delay_7d",
            "terminal_fraud_rate_30d_delay_7d");
  }

  @Test
  void shorterDelaysNeighbourFlagsAndWhatAggregatesThemSeeLabelsEarly() {
    assertThat(EarlyLabels.features(FeatureSpecs.DEFAULT, Duration.ofDays(7)))
        .contains("terminal_fraud_rate_7d_delay_1d", "device_fraud_rate_7d")
        .contains("terminal_fraud_cards_7d", "card_max_7d_of_terminal_fraud_cards_7d")
        .doesNotContain("card_count_1d");
    assertThat(EarlyLabels.features(FeatureSpecs.DEFAULT, Duration.ZERO)).isEmpty();
  }
}
