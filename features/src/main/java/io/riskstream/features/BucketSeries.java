package io.riskstream.features;

import io.riskstream.features.spec.WindowTotals;
import java.util.Arrays;

/**
 * One entity's transactions pre-aggregated into time buckets ({@code [k*b, (k+1)*b)}): count,
 * amount sum, sum of squares, max, and labelled frauds. Buckets older than the horizon of the
 * newest transaction are evicted, so state is bounded by horizon / bucket however busy the entity
 * is.
 *
 * <p>A window {@code (from, to]} is answered at bucket resolution: exact when timestamps are
 * multiples of the bucket width. Parallel sorted arrays keep it a Flink POJO (no Kryo) that
 * serializes compactly into RocksDB.
 */
public class BucketSeries {
  public long bucketMillis;
  public long horizonMillis;
  public long newestBucket = Long.MIN_VALUE;
  public long[] buckets = new long[0];
  public long[] counts = new long[0];
  public double[] sums = new double[0];
  public double[] sumSqs = new double[0];
  public double[] maxes = new double[0];
  public long[] frauds = new long[0];

  public BucketSeries() {}

  public BucketSeries(long bucketMillis, long horizonMillis) {
    this.bucketMillis = bucketMillis;
    this.horizonMillis = horizonMillis;
  }

  public void addTransaction(long t, double amount) {
    long k = Math.floorDiv(t, bucketMillis);
    newestBucket = Math.max(newestBucket, k);
    evict();
    int i = slot(k);
    if (i < 0) {
      return;
    }
    counts[i]++;
    sums[i] += amount;
    sumSqs[i] += amount * amount;
    maxes[i] = counts[i] == 1 ? amount : Math.max(maxes[i], amount);
  }

  /** A label for a transaction at {@code t}: +1 fraud, -1 a reversed fraud verdict. */
  public void addFraud(long t, int delta) {
    int i = slot(Math.floorDiv(t, bucketMillis));
    if (i >= 0) {
      frauds[i] += delta;
    }
  }

  /** Totals of the buckets holding times in {@code (from, to]}. */
  public WindowTotals totals(long from, long to) {
    long first = Math.floorDiv(from, bucketMillis);
    long last = Math.floorDiv(to, bucketMillis);
    long count = 0;
    long fraud = 0;
    double sum = 0;
    double sumSq = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i] > first && buckets[i] <= last) {
        count += counts[i];
        sum += sums[i];
        sumSq += sumSqs[i];
        fraud += frauds[i];
        if (counts[i] > 0) {
          max = Math.max(max, maxes[i]);
        }
      }
    }
    return count == 0 && fraud == 0
        ? WindowTotals.EMPTY
        : new WindowTotals(count, sum, sumSq, count == 0 ? 0 : max, fraud);
  }

  /** Buckets held: the state size. */
  public int size() {
    return buckets.length;
  }

  /** Index of bucket {@code k}, inserted if new; -1 if it is older than the horizon. */
  private int slot(long k) {
    if (newestBucket != Long.MIN_VALUE && k <= oldestDropped()) {
      return -1;
    }
    int i = Arrays.binarySearch(buckets, k);
    if (i >= 0) {
      return i;
    }
    i = -i - 1;
    buckets = insert(buckets, i, k);
    counts = insert(counts, i, 0);
    sums = insert(sums, i, 0);
    sumSqs = insert(sumSqs, i, 0);
    maxes = insert(maxes, i, 0);
    frauds = insert(frauds, i, 0);
    return i;
  }

  /** The newest bucket no window can reach: a window ends at most at the newest bucket. */
  private long oldestDropped() {
    return newestBucket - horizonMillis / bucketMillis;
  }

  private void evict() {
    long dropped = oldestDropped();
    int drop = 0;
    while (drop < buckets.length && buckets[drop] <= dropped) {
      drop++;
    }
    if (drop > 0) {
      buckets = Arrays.copyOfRange(buckets, drop, buckets.length);
      counts = Arrays.copyOfRange(counts, drop, counts.length);
      sums = Arrays.copyOfRange(sums, drop, sums.length);
      sumSqs = Arrays.copyOfRange(sumSqs, drop, sumSqs.length);
      maxes = Arrays.copyOfRange(maxes, drop, maxes.length);
      frauds = Arrays.copyOfRange(frauds, drop, frauds.length);
    }
  }

  private static long[] insert(long[] a, int i, long v) {
    long[] b = new long[a.length + 1];
    System.arraycopy(a, 0, b, 0, i);
    b[i] = v;
    System.arraycopy(a, i, b, i + 1, a.length - i);
    return b;
  }

  private static double[] insert(double[] a, int i, double v) {
    double[] b = new double[a.length + 1];
    System.arraycopy(a, 0, b, 0, i);
    b[i] = v;
    System.arraycopy(a, i, b, i + 1, a.length - i);
    return b;
  }
}
