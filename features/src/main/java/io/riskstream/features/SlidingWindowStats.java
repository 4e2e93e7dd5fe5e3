package io.riskstream.features;

import java.util.Arrays;

/**
 * Count and amount sum of one entity's events over the event-time window {@code (t - w, t]}.
 *
 * <p>State stays bounded because events are pre-aggregated into fixed time buckets (bucket {@code
 * k} holds events in {@code [k*b, (k+1)*b)}) and buckets that fell out of the window of the newest
 * event seen are evicted: at most {@code w / b + 1} buckets live, however busy the entity.
 *
 * <p>A query at {@code t} sums the buckets {@code (k(t) - w/b, k(t)]}. So the resolution is one
 * bucket: an event {@code w} or more older than {@code t} is always out, the current event and
 * anything newer than {@code w - b} is always in. Events later than {@code t} (seen earlier because
 * the stream is out of order) are not counted; late events older than the eviction horizon add
 * nothing that would outlive them.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) so it can sit in keyed state as it is.
 */
public class SlidingWindowStats {
  /** Window length w in milliseconds; a multiple of {@link #bucketMillis}. */
  public long windowMillis;

  /** Bucket width b in milliseconds. */
  public long bucketMillis;

  /** Live bucket indices, ascending; parallel to {@link #counts} and {@link #sums}. */
  public long[] buckets = new long[0];

  public long[] counts = new long[0];
  public double[] sums = new double[0];

  /**
   * Bucket of the newest event seen; eviction is relative to it so late events cannot resurrect.
   */
  public long newestBucket = Long.MIN_VALUE;

  public SlidingWindowStats() {}

  public SlidingWindowStats(long windowMillis, long bucketMillis) {
    if (bucketMillis <= 0 || windowMillis < bucketMillis || windowMillis % bucketMillis != 0) {
      throw new IllegalArgumentException(
          "window " + windowMillis + " ms must be a positive multiple of bucket " + bucketMillis);
    }
    this.windowMillis = windowMillis;
    this.bucketMillis = bucketMillis;
  }

  /** Records one event of {@code amount} at event time {@code t}. */
  public void add(long t, double amount) {
    long k = Math.floorDiv(t, bucketMillis);
    newestBucket = Math.max(newestBucket, k);
    evictBefore(firstLiveBucket(newestBucket));
    if (k < firstLiveBucket(newestBucket)) {
      return; // too late to matter for any query at or after the newest event
    }
    int i = Arrays.binarySearch(buckets, k);
    if (i < 0) {
      i = -i - 1;
      buckets = insert(buckets, i, k);
      counts = insert(counts, i, 0L);
      sums = insert(sums, i, 0.0);
    }
    counts[i]++;
    sums[i] += amount;
  }

  /** Number of events in the window ending at {@code t}. */
  public long count(long t) {
    long k = Math.floorDiv(t, bucketMillis);
    long n = 0;
    for (int i = 0; i < buckets.length; i++) {
      if (inWindow(buckets[i], k)) {
        n += counts[i];
      }
    }
    return n;
  }

  /** Sum of amounts in the window ending at {@code t}. */
  public double sum(long t) {
    long k = Math.floorDiv(t, bucketMillis);
    double s = 0;
    for (int i = 0; i < buckets.length; i++) {
      if (inWindow(buckets[i], k)) {
        s += sums[i];
      }
    }
    return s;
  }

  /** Number of buckets held: the state size. */
  public int bucketCount() {
    return buckets.length;
  }

  private boolean inWindow(long bucket, long queryBucket) {
    return bucket <= queryBucket && bucket >= firstLiveBucket(queryBucket);
  }

  private long firstLiveBucket(long queryBucket) {
    return queryBucket - windowMillis / bucketMillis + 1;
  }

  private void evictBefore(long first) {
    int drop = 0;
    while (drop < buckets.length && buckets[drop] < first) {
      drop++;
    }
    if (drop > 0) {
      buckets = Arrays.copyOfRange(buckets, drop, buckets.length);
      counts = Arrays.copyOfRange(counts, drop, counts.length);
      sums = Arrays.copyOfRange(sums, drop, sums.length);
    }
  }

  private static long[] insert(long[] a, int at, long v) {
    long[] r = new long[a.length + 1];
    System.arraycopy(a, 0, r, 0, at);
    r[at] = v;
    System.arraycopy(a, at, r, at + 1, a.length - at);
    return r;
  }

  private static double[] insert(double[] a, int at, double v) {
    double[] r = new double[a.length + 1];
    System.arraycopy(a, 0, r, 0, at);
    r[at] = v;
    System.arraycopy(a, at, r, at + 1, a.length - at);
    return r;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SlidingWindowStats s)) {
      return false;
    }
    return windowMillis == s.windowMillis
        && bucketMillis == s.bucketMillis
        && newestBucket == s.newestBucket
        && Arrays.equals(buckets, s.buckets)
        && Arrays.equals(counts, s.counts)
        && Arrays.equals(sums, s.sums);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(buckets) * 31 + Long.hashCode(windowMillis);
  }
}
