package io.riskstream.features.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {

  @Test
  void theHandbookSpecDeclaresItsFifteenFeaturesInOrder() {
    assertThat(FeatureSpecs.HANDBOOK.names())
        .containsExactly(
            "amount",
            "during_weekend",
            "during_night",
            "card_count_1d",
            "card_mean_1d",
            "card_count_7d",
            "card_mean_7d",
            "card_count_30d",
            "card_mean_30d",
            "terminal_count_1d_delay_7d",
            "terminal_fraud_rate_1d_delay_7d",
            "terminal_count_7d_delay_7d",
            "terminal_fraud_rate_7d_delay_7d",
            "terminal_count_30d_delay_7d",
            "terminal_fraud_rate_30d_delay_7d");
    assertThat(FeatureSpecs.HANDBOOK.horizon(Entity.TERMINAL)).isEqualTo(Duration.ofDays(37));
    assertThat(FeatureSpecs.HANDBOOK.entities()).containsExactly(Entity.CARD, Entity.TERMINAL);
  }

  @Test
  void addingAFeatureChangesTheLayoutId() {
    FeatureSpec one =
        FeatureSpec.builder("x", Duration.ofSeconds(1)).sincePrevious(Entity.CARD).build();
    FeatureSpec two =
        FeatureSpec.builder("x", Duration.ofSeconds(1))
            .sincePrevious(Entity.CARD)
            .sincePrevious(Entity.TERMINAL)
            .build();

    assertThat(one.id()).isNotEqualTo(two.id()).startsWith("x-");
  }

  @Test
  void rejectsDuplicatesAndWindowsOffTheBucketGrid() {
    assertThatThrownBy(
            () ->
                FeatureSpec.builder("x", Duration.ofSeconds(1))
                    .sincePrevious(Entity.CARD)
                    .sincePrevious(Entity.CARD)
                    .build())
        .hasMessageContaining("declared twice");
    assertThatThrownBy(
            () ->
                FeatureSpec.builder("x", Duration.ofMinutes(1))
                    .window(Entity.CARD, Aggregate.COUNT, Duration.ofSeconds(90)))
        .hasMessageContaining("multiple of the bucket");
  }

  @Test
  void scalesCountsAndAmountsButNotRatesOrFlags() {
    FeatureSpec spec =
        FeatureSpec.builder("x", Duration.ofSeconds(1))
            .window(Entity.CARD, Aggregate.SUM, Duration.ofHours(1))
            .fraudRate(Entity.TERMINAL, Duration.ofDays(1), Duration.ZERO)
            .build();

    float[] scaled = spec.scaled(new double[] {Math.E - 1, 0.25});

    assertThat(scaled[0]).isEqualTo(1f);
    assertThat(scaled[1]).isEqualTo(0.25f);
  }
}
