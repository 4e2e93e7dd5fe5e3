package io.riskstream.features;

import java.util.Arrays;

/**
 * The counterparties (cards) an entity saw in the event-time window {@code (t - w, t]} and how many
 * of their transactions here are labelled fraud: the entity's fraud-labelled neighbours.
 *
 * <p>Like {@link DistinctCounter}, holds key -> last-seen time and evicts keys not seen within the
 * window of the newest event, so state is bounded by the keys of one window; a key also carries its
 * fraud label count, which a reversed verdict decrements. Parallel arrays keep it a Flink POJO.
 */
public class NeighbourCards {
  public long windowMillis;
  public String[] keys = new String[0];
  public long[] lastSeen = new long[0];
  public int[] frauds = new int[0];

  /** Newest event time observed; eviction is relative to it. */
  public long newest = Long.MIN_VALUE;

  public NeighbourCards() {}

  public NeighbourCards(long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("window must be positive: " + windowMillis);
    }
    this.windowMillis = windowMillis;
  }

  /**
   * Records {@code key} at {@code t} and returns the fraud-labelled keys other than {@code key}
   * seen in {@code (t - w, t]}.
   */
  public int observe(String key, long t) {
    newest = Math.max(newest, t);
    evictNotAfter(newest - windowMillis);
    see(key, t);
    int n = 0;
    for (int j = 0; j < keys.length; j++) {
      if (frauds[j] > 0
          && !keys[j].equals(key)
          && lastSeen[j] > t - windowMillis
          && lastSeen[j] <= t) {
        n++;
      }
    }
    return n;
  }

  /**
   * A verdict on the key's transaction at {@code t}: +1 fraud, -1 reversed. The labelled
   * transaction is a sighting too, so a label that overtakes its transaction still counts.
   */
  public void label(String key, long t, int delta) {
    int i = see(key, t);
    if (i >= 0) {
      frauds[i] = Math.max(0, frauds[i] + delta);
    }
  }

  /** Keys held: the state size. */
  public int size() {
    return keys.length;
  }

  /** Index of {@code key} with its sighting at {@code t} recorded; -1 if too old to keep. */
  private int see(String key, long t) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        lastSeen[i] = Math.max(lastSeen[i], t);
        return i;
      }
    }
    if (newest != Long.MIN_VALUE && t <= newest - windowMillis) {
      return -1;
    }
    int i = keys.length;
    keys = Arrays.copyOf(keys, i + 1);
    lastSeen = Arrays.copyOf(lastSeen, i + 1);
    frauds = Arrays.copyOf(frauds, i + 1);
    keys[i] = key;
    lastSeen[i] = t;
    return i;
  }

  private void evictNotAfter(long horizon) {
    int live = 0;
    for (long seen : lastSeen) {
      if (seen > horizon) {
        live++;
      }
    }
    if (live == keys.length) {
      return;
    }
    String[] k = new String[live];
    long[] s = new long[live];
    int[] f = new int[live];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (lastSeen[i] > horizon) {
        k[j] = keys[i];
        f[j] = frauds[i];
        s[j++] = lastSeen[i];
      }
    }
    keys = k;
    lastSeen = s;
    frauds = f;
  }
}
