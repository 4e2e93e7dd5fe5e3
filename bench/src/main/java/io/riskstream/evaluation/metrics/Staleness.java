package io.riskstream.evaluation.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * How old the knowledge behind the scores was: per scored transaction, its event time minus the
 * label event time its model had been trained through, in hours. Percentiles are nearest-rank over
 * every scored transaction; the daily means are by UTC day of the scored event time. NaN (and no
 * days) when no transaction was scored by a trained model.
 */
public record Staleness(double p50Hours, double p99Hours, double maxHours, List<DayMean> perDay) {

  /** The mean staleness of one day's scores. */
  public record DayMean(LocalDate date, double meanHours) {}

  public Staleness {
    perDay = List.copyOf(perDay);
  }

  /** For a run that measured none (no model versions to look at). */
  public static Staleness none() {
    return new Staleness(Double.NaN, Double.NaN, Double.NaN, List.of());
  }
}
