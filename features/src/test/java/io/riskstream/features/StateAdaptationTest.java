package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateAdaptationTest {
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void aLongerWindowKeepsWhatIsStillHeldAndRemovedFeaturesLoseTheirSlots() {
    FeatureSpec before =
        FeatureSpec.builder("v1", Duration.ofSeconds(1))
            .window(Entity.CARD, Aggregate.COUNT, DAY)
            .distinct(Entity.CARD, Entity.TERMINAL, DAY)
            .distinct(Entity.CARD, Entity.DEVICE, DAY)
            .build();
    FeatureSpec after =
        FeatureSpec.builder("v2", Duration.ofSeconds(1))
            .window(Entity.CARD, Aggregate.COUNT, Duration.ofDays(7))
            .distinct(Entity.CARD, Entity.DEVICE, DAY)
            .build();
    EntityFeatures v1 = new EntityFeatures(before, Entity.CARD);
    EntityState state = v1.newState();
    v1.onTransaction(state, record(before, 0, "d-1"));

    EntityFeatures v2 = new EntityFeatures(after, Entity.CARD);
    EntityState adapted = v2.adapt(state);
    FeatureRecord next = record(after, 2 * DAY.toMillis(), "d-2");
    v2.onTransaction(adapted, next);

    assertThat(adapted.buckets.horizonMillis).isEqualTo(Duration.ofDays(7).toMillis());
    assertThat(adapted.slots)
        .extracting(s -> s.feature)
        .containsExactly("card_distinct_devices_1d");
    // The 1-day horizon would have evicted the first transaction now; the 7-day one keeps it.
    assertThat(next.values).containsExactly(2.0, 1.0);
    assertThat(v2.adapt(adapted)).as("a fitting state is left as it is").isSameAs(adapted);
  }

  private static FeatureRecord record(FeatureSpec spec, long eventTime, String device) {
    FeatureRecord record = EntityFeaturesTest.record("x" + eventTime, eventTime, 1);
    record.deviceId = device;
    record.values = new double[spec.size()];
    return record;
  }
}
