package io.riskstream.evaluation.metrics;

import java.time.LocalDate;

/** The UTC calendar day of an epoch-millisecond event time, the day every daily metric uses. */
final class UtcDays {
  private static final long MS_PER_DAY = 86_400_000L;

  private UtcDays() {}

  static LocalDate of(long epochMs) {
    // floorDiv, not /: an event before 1970 belongs to the day before, not to day 0.
    return LocalDate.ofEpochDay(Math.floorDiv(epochMs, MS_PER_DAY));
  }
}
