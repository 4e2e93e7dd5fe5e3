package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EntityFeaturesTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final FeatureSpec HANDBOOK = FeatureSpecs.HANDBOOK;

  @Test
  void cardWindowsEndAtAndIncludeTheCurrentTransaction() {
    EntityFeatures card = new EntityFeatures(HANDBOOK, Entity.CARD);
    EntityState state = card.newState();

    card.onTransaction(state, record("a", 0, 10));
    card.onTransaction(state, record("b", DAY / 2, 20));
    FeatureRecord third = record("c", DAY + DAY / 4, 60);
    card.onTransaction(state, third);

    assertThat(value(third, "card_count_1d")).isEqualTo(2);
    assertThat(value(third, "card_mean_1d")).isEqualTo(40);
    assertThat(value(third, "card_count_7d")).isEqualTo(3);
    assertThat(value(third, "card_mean_7d")).isEqualTo(30);
  }

  @Test
  void terminalRiskCountsLabelledFraudInTheDelayedWindowOnly() {
    EntityFeatures terminal = new EntityFeatures(HANDBOOK, Entity.TERMINAL);
    EntityState state = terminal.newState();
    FeatureRecord old = record("old", 0, 10);
    terminal.onTransaction(state, old);
    terminal.onTransaction(state, record("mid", 3 * DAY, 10));
    terminal.onLabel(state, LabelEvent.of(old, 1));

    FeatureRecord now = record("now", 7 * DAY + 1000, 10);
    terminal.onTransaction(state, now);

    // (t-8d, t-7d] holds only "old"; "mid" is within the 7-day delay and not counted.
    assertThat(value(now, "terminal_count_1d_delay_7d")).isEqualTo(1);
    assertThat(value(now, "terminal_fraud_rate_1d_delay_7d")).isEqualTo(1);
    assertThat(value(now, "terminal_count_7d_delay_7d")).isEqualTo(1);
    assertThat(value(now, "terminal_fraud_rate_30d_delay_7d")).isEqualTo(1);
  }

  @Test
  void stdMaxZScoreSincePreviousAndDistinctCounterparties() {
    FeatureSpec spec =
        FeatureSpec.builder("t", Duration.ofSeconds(1))
            .window(Entity.CARD, Aggregate.STD, Duration.ofDays(1))
            .window(Entity.CARD, Aggregate.MAX, Duration.ofDays(1))
            .amountZScore(Entity.CARD, Duration.ofDays(1))
            .sincePrevious(Entity.CARD)
            .distinct(Entity.CARD, Entity.TERMINAL, Duration.ofDays(1))
            .build();
    EntityFeatures card = new EntityFeatures(spec, Entity.CARD);
    EntityState state = card.newState();
    card.onTransaction(state, record("a", 0, 2));
    card.onTransaction(state, record("b", 60_000, 4));
    FeatureRecord last = record("c", 90_000, 9);
    last.terminalId = "t-2";
    card.onTransaction(state, last);

    assertThat(last.values[0]).isCloseTo(Math.sqrt(13), within(1e-12)); // sample std of 2, 4, 9
    assertThat(last.values[1]).isEqualTo(9);
    assertThat(last.values[2]).isCloseTo((9 - 5) / Math.sqrt(13), within(1e-12));
    assertThat(last.values[3]).isEqualTo(30);
    assertThat(last.values[4]).isEqualTo(2);
  }

  static FeatureRecord record(String id, long eventTime, double amount) {
    FeatureRecord record = new FeatureRecord();
    record.transactionId = id;
    record.cardId = "c-1";
    record.terminalId = "t-1";
    record.eventTime = eventTime;
    record.amount = amount;
    record.values = new double[HANDBOOK.size()];
    return record;
  }

  private static double value(FeatureRecord record, String feature) {
    return record.values[HANDBOOK.indexOf(feature)];
  }
}
