package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphEntityFeaturesTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final FeatureSpec SPEC =
      FeatureSpec.builder("g", Duration.ofSeconds(1))
          .fraudNeighbours(Entity.DEVICE, Entity.CARD, Duration.ofDays(1))
          .over(Entity.CARD, Aggregate.MAX, Duration.ofDays(1), "device_fraud_cards_1d")
          .build();

  private final EntityFeatures device = new EntityFeatures(SPEC, Entity.DEVICE);
  private final EntityFeatures card = new EntityFeatures(SPEC, Entity.CARD);
  private final EntityState shared = device.newState();
  private final EntityState clean = device.newState();
  private final EntityState cardState = card.newState();

  @Test
  void aCardThatUsedADeviceWithFraudLabelledCardsCarriesItForTheWindow() {
    FeatureRecord stolen = txn("stolen", "c-1", 0);
    featureAtDevice(shared, stolen);
    featureAtDevice(shared, txn("stolen-2", "c-2", HOUR));
    device.onLabel(shared, LabelEvent.of(stolen, 1));
    device.onLabel(shared, LabelEvent.of(txn("stolen-2", "c-2", HOUR), 1));

    FeatureRecord atRing = txn("ring", "c-3", 2 * HOUR);
    featureAtDevice(shared, atRing);
    card.onTransaction(cardState, atRing);
    FeatureRecord atHome = txn("home", "c-3", 3 * HOUR);
    atHome.deviceId = "d-home";
    featureAtDevice(clean, atHome);
    card.onTransaction(cardState, atHome);
    FeatureRecord nextDay = txn("next-day", "c-3", 27 * HOUR);
    nextDay.deviceId = "d-home";
    featureAtDevice(clean, nextDay);
    card.onTransaction(cardState, nextDay);

    assertThat(value(atRing, "device_fraud_cards_1d")).isEqualTo(2);
    assertThat(value(atRing, "card_max_1d_of_device_fraud_cards_1d")).isEqualTo(2);
    assertThat(value(atHome, "device_fraud_cards_1d")).isZero();
    assertThat(value(atHome, "card_max_1d_of_device_fraud_cards_1d"))
        .as("two hops: via the device used an hour ago")
        .isEqualTo(2);
    assertThat(value(nextDay, "card_max_1d_of_device_fraud_cards_1d")).isZero();
  }

  private void featureAtDevice(EntityState state, FeatureRecord record) {
    device.onTransaction(state, record);
  }

  private static FeatureRecord txn(String id, String cardId, long eventTime) {
    FeatureRecord record = new FeatureRecord();
    record.transactionId = id;
    record.cardId = cardId;
    record.terminalId = "t-1";
    record.deviceId = "d-ring";
    record.eventTime = eventTime;
    record.amount = 10;
    record.values = new double[SPEC.size()];
    return record;
  }

  private static double value(FeatureRecord record, String feature) {
    return record.values[SPEC.indexOf(feature)];
  }
}
