package io.riskstream.features.spec;

import static io.riskstream.features.spec.Aggregate.COUNT;
import static io.riskstream.features.spec.Aggregate.MAX;
import static io.riskstream.features.spec.Aggregate.MEAN;
import static io.riskstream.features.spec.Aggregate.STD;
import static io.riskstream.features.spec.Aggregate.SUM;
import static io.riskstream.features.spec.Entity.CARD;
import static io.riskstream.features.spec.Entity.DEVICE;
import static io.riskstream.features.spec.Entity.IP;
import static io.riskstream.features.spec.Entity.TERMINAL;

import java.time.Duration;

/** The platform's feature specs. */
public final class FeatureSpecs {
  private FeatureSpecs() {}

  private static final Duration DELAY_7D = Duration.ofDays(7);

  /**
   * The 15 baseline features of the fraud-detection handbook (Le Borgne et al., chapter 3), with
   * its exact window semantics: per card (customer) count and mean amount over {@code (t-k, t]};
   * per terminal count and fraud ratio over {@code (t-7-k, t-7]} days, modelling labels known after
   * a week. One-second buckets: exact on the handbook's second-resolution timestamps.
   */
  public static final FeatureSpec HANDBOOK = handbook();

  /**
   * What the scorer uses by default: the handbook's features plus richer behaviour and graph ones.
   */
  public static final FeatureSpec DEFAULT = defaults();

  private static FeatureSpec handbook() {
    FeatureSpec.Builder spec =
        FeatureSpec.builder("handbook", Duration.ofSeconds(1))
            .attribute(TransactionAttribute.AMOUNT)
            .attribute(TransactionAttribute.WEEKEND)
            .attribute(TransactionAttribute.NIGHT);
    for (int days : new int[] {1, 7, 30}) {
      spec.window(CARD, COUNT, Duration.ofDays(days)).window(CARD, MEAN, Duration.ofDays(days));
    }
    for (int days : new int[] {1, 7, 30}) {
      spec.window(TERMINAL, COUNT, Duration.ofDays(days), DELAY_7D)
          .fraudRate(TERMINAL, Duration.ofDays(days), DELAY_7D);
    }
    return spec.build();
  }

  private static FeatureSpec defaults() {
    FeatureSpec.Builder spec =
        FeatureSpec.builder("riskstream", Duration.ofSeconds(1))
            .attribute(TransactionAttribute.AMOUNT)
            .attribute(TransactionAttribute.HOUR_SIN)
            .attribute(TransactionAttribute.HOUR_COS)
            .attribute(TransactionAttribute.NIGHT)
            .attribute(TransactionAttribute.WEEKEND);
    for (Duration window :
        new Duration[] {Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1)}) {
      spec.window(CARD, COUNT, window).window(CARD, SUM, window);
    }
    spec.window(CARD, MEAN, Duration.ofDays(7))
        .window(CARD, STD, Duration.ofDays(7))
        .window(CARD, MAX, Duration.ofDays(7))
        .amountZScore(CARD, Duration.ofDays(7))
        .sincePrevious(CARD)
        .distinct(CARD, TERMINAL, Duration.ofDays(1))
        .distinct(CARD, DEVICE, Duration.ofDays(7))
        .window(TERMINAL, COUNT, Duration.ofHours(1))
        .distinct(TERMINAL, CARD, Duration.ofDays(1))
        .fraudRate(TERMINAL, Duration.ofDays(7), Duration.ofDays(1))
        .window(DEVICE, COUNT, Duration.ofHours(1))
        .distinct(DEVICE, CARD, Duration.ofDays(7))
        .fraudRate(DEVICE, Duration.ofDays(7), Duration.ZERO)
        .distinct(IP, CARD, Duration.ofDays(1));
    // Two hops in the card-terminal/device/IP graph: fraud-labelled cards at the entity, then the
    // most of them at any entity the card used in the week (so the card stage runs last).
    for (Entity entity : new Entity[] {TERMINAL, DEVICE, IP}) {
      spec.fraudNeighbours(entity, CARD, Duration.ofDays(7));
    }
    for (Entity entity : new Entity[] {TERMINAL, DEVICE, IP}) {
      spec.over(CARD, MAX, Duration.ofDays(7), entity.prefix() + "_fraud_cards_7d");
    }
    return spec.build();
  }
}
