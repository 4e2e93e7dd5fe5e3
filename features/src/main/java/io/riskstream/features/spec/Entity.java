package io.riskstream.features.spec;

import io.riskstream.features.FeatureRecord;
import java.util.function.Function;

/** The entities whose behaviour features describe, and how a transaction names each of them. */
public enum Entity {
  CARD("card", r -> r.cardId),
  TERMINAL("terminal", r -> r.terminalId),
  DEVICE("device", r -> r.deviceId),
  IP("ip", r -> r.ipAddress);

  private final String prefix;
  private final Function<FeatureRecord, String> key;

  Entity(String prefix, Function<FeatureRecord, String> key) {
    this.prefix = prefix;
    this.key = key;
  }

  /** The entity's id in this record, or null when the record does not name one (no device). */
  public String keyOf(FeatureRecord record) {
    String id = key.apply(record);
    return id == null || id.isEmpty() ? null : id;
  }

  /** Lower-case name used in feature names, e.g. {@code card}. */
  public String prefix() {
    return prefix;
  }
}
