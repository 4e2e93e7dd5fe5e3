package io.riskstream.evaluation.metrics;

import io.riskstream.bench.LatencyRecorder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records which model version scored each transaction and yields the version timeline ({@link
 * VersionUse}) and the {@link Staleness} of the scores. Keeps one long per scored transaction so
 * that the percentiles are exact. Not thread safe: one thread records.
 */
public final class VersionLog {

  /** The trained-through time of a model that has seen no label yet. */
  public static final long NEVER_TRAINED = Long.MIN_VALUE;

  private static final double MS_PER_HOUR = 3_600_000.0;

  private final SortedMap<Long, Use> versions = new TreeMap<>();
  private final LatencyRecorder stalenessMs = new LatencyRecorder();
  private final SortedMap<LocalDate, double[]> dailySumAndCount = new TreeMap<>();

  /**
   * One transaction scored at {@code eventTime} by {@code version}, trained through label event
   * time {@code trainedThrough} (epoch ms, or {@link #NEVER_TRAINED}). Scores of an untrained model
   * count in the timeline but not in the staleness, which it has no meaning for.
   *
   * @throws IllegalArgumentException when the version was recorded before with another
   *     trained-through time: a version is one trained model
   */
  public void record(long version, long trainedThrough, long eventTime) {
    Use use = versions.computeIfAbsent(version, v -> new Use(trainedThrough, eventTime));
    if (use.trainedThrough != trainedThrough) {
      throw new IllegalArgumentException(
          "version "
              + version
              + " was trained through "
              + use.trainedThrough
              + ", now "
              + trainedThrough);
    }
    use.scores++;
    use.first = Math.min(use.first, eventTime);
    use.last = Math.max(use.last, eventTime);
    if (trainedThrough != NEVER_TRAINED) {
      long staleness = eventTime - trainedThrough;
      stalenessMs.record(staleness);
      double[] day = dailySumAndCount.computeIfAbsent(UtcDays.of(eventTime), d -> new double[2]);
      day[0] += staleness / MS_PER_HOUR;
      day[1]++;
    }
  }

  /** Every version recorded, in version order. */
  public List<VersionUse> versions() {
    List<VersionUse> uses = new ArrayList<>(versions.size());
    for (Map.Entry<Long, Use> e : versions.entrySet()) {
      Use u = e.getValue();
      uses.add(new VersionUse(e.getKey(), u.scores, u.first, u.last, u.trainedThrough));
    }
    return uses;
  }

  public Staleness staleness() {
    if (stalenessMs.count() == 0) {
      return Staleness.none();
    }
    List<Staleness.DayMean> perDay = new ArrayList<>(dailySumAndCount.size());
    dailySumAndCount.forEach((date, s) -> perDay.add(new Staleness.DayMean(date, s[0] / s[1])));
    return new Staleness(
        stalenessMs.percentile(50) / MS_PER_HOUR,
        stalenessMs.percentile(99) / MS_PER_HOUR,
        stalenessMs.percentile(100) / MS_PER_HOUR,
        perDay);
  }

  private static final class Use {
    final long trainedThrough;
    long scores;
    long first;
    long last;

    Use(long trainedThrough, long eventTime) {
      this.trainedThrough = trainedThrough;
      this.first = eventTime;
      this.last = eventTime;
    }
  }
}
