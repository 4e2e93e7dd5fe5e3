package io.riskstream.features.spec;

import io.riskstream.features.FeatureRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.ToDoubleFunction;

/** Features of the transaction alone; times are read in UTC. */
public enum TransactionAttribute {
  AMOUNT("amount", Scaling.LOG1P, r -> r.amount),
  /** 1 on Saturday and Sunday (the handbook's TX_DURING_WEEKEND: weekday >= 5). */
  WEEKEND("during_weekend", Scaling.NONE, r -> utc(r).getDayOfWeek().getValue() >= 6 ? 1 : 0),
  /** 1 from 00:00 to 06:59 (the handbook's TX_DURING_NIGHT: hour <= 6). */
  NIGHT("during_night", Scaling.NONE, r -> utc(r).getHour() <= 6 ? 1 : 0),
  HOUR_SIN("hour_sin", Scaling.NONE, r -> Math.sin(2 * Math.PI * hourOfDay(r) / 24)),
  HOUR_COS("hour_cos", Scaling.NONE, r -> Math.cos(2 * Math.PI * hourOfDay(r) / 24));

  private final String featureName;
  private final Scaling scaling;
  private final ToDoubleFunction<FeatureRecord> value;

  TransactionAttribute(String featureName, Scaling scaling, ToDoubleFunction<FeatureRecord> value) {
    this.featureName = featureName;
    this.scaling = scaling;
    this.value = value;
  }

  public String featureName() {
    return featureName;
  }

  public Scaling scaling() {
    return scaling;
  }

  public double valueOf(FeatureRecord record) {
    return value.applyAsDouble(record);
  }

  private static ZonedDateTime utc(FeatureRecord record) {
    return Instant.ofEpochMilli(record.eventTime).atZone(ZoneOffset.UTC);
  }

  private static double hourOfDay(FeatureRecord record) {
    return Math.floorMod(record.eventTime, 86_400_000L) / 3_600_000.0;
  }
}
