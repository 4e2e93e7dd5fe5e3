package io.riskstream.features.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphFeatureSpecTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void declaresFraudNeighboursAndTheirCardAggregateInOneLineEach() {
    FeatureSpec spec =
        FeatureSpec.builder("g", Duration.ofSeconds(1))
            .sincePrevious(Entity.CARD)
            .fraudNeighbours(Entity.DEVICE, Entity.CARD, WEEK)
            .over(Entity.CARD, Aggregate.MAX, WEEK, "device_fraud_cards_7d")
            .build();

    assertThat(spec.names())
        .containsExactly(
            "card_seconds_since_previous",
            "device_fraud_cards_7d",
            "card_max_7d_of_device_fraud_cards_7d");
    // The card is declared first, but its aggregate needs the device's value: device runs first.
    assertThat(spec.entities()).containsExactly(Entity.DEVICE, Entity.CARD);
    assertThat(spec.memory(Entity.DEVICE)).isEqualTo(WEEK);
  }

  @Test
  void theDefaultSpecHasTwoHopGraphFeaturesAndTheHandbookNone() {
    assertThat(FeatureSpecs.DEFAULT.names())
        .contains(
            "terminal_fraud_cards_7d",
            "device_fraud_cards_7d",
            "ip_fraud_cards_7d",
            "card_max_7d_of_terminal_fraud_cards_7d",
            "card_max_7d_of_device_fraud_cards_7d",
            "card_max_7d_of_ip_fraud_cards_7d");
    assertThat(FeatureSpecs.DEFAULT.entities())
        .containsExactly(Entity.TERMINAL, Entity.DEVICE, Entity.IP, Entity.CARD);
    assertThat(FeatureSpecs.HANDBOOK.names()).noneMatch(n -> n.contains("fraud_cards"));
  }

  @Test
  void anAggregateNeedsADeclaredFeatureOfAnotherEntityAndNoCycle() {
    FeatureSpec.Builder spec =
        FeatureSpec.builder("g", Duration.ofSeconds(1))
            .sincePrevious(Entity.CARD)
            .sincePrevious(Entity.TERMINAL);
    assertThatThrownBy(() -> spec.over(Entity.CARD, Aggregate.MAX, WEEK, "ip_fraud_cards_7d"))
        .hasMessageContaining("declare ip_fraud_cards_7d before");
    assertThatThrownBy(
            () -> spec.over(Entity.CARD, Aggregate.MAX, WEEK, "card_seconds_since_previous"))
        .hasMessageContaining("another entity");
    assertThatThrownBy(
            () ->
                spec.over(Entity.CARD, Aggregate.MAX, WEEK, "terminal_seconds_since_previous")
                    .over(Entity.TERMINAL, Aggregate.MAX, WEEK, "card_seconds_since_previous")
                    .build())
        .hasMessageContaining("cyclic");
    assertThatThrownBy(
            () ->
                FeatureSpec.builder("g", Duration.ofSeconds(1))
                    .fraudNeighbours(Entity.CARD, Entity.CARD, WEEK))
        .hasMessageContaining("not neighbours");
  }
}
