package io.riskstream.features;

import java.util.Arrays;

/**
 * The counterparties (cards at a terminal, say) an entity saw in the event-time window {@code (t -
 * w, t]}, each with how many of its transactions here are labelled fraud: the entity's side of the
 * transaction graph. It answers both graph features: the entity's degree (distinct counterparties)
 * and its fraud-labelled neighbours.
 *
 * <p>Holds key -> last-seen time and evicts keys not seen within the window of the newest event, so
 * the state is bounded by the distinct keys of one window. A query at {@code t} counts keys last
 * seen in {@code (t - w, t]}. Out of order, a key whose last sighting is later than {@code t} is
 * not counted for the late event (its earlier sightings are not kept): a slight undercount, never
 * unbounded growth. Parallel arrays rather than a map keep it a plain Flink POJO with no Kryo
 * fallback; the linear scans are cheap at the few hundred keys an entity sees in a window.
 */
public class WindowedKeys {
  public long windowMillis;
  public String[] keys = new String[0];
  public long[] lastSeen = new long[0];
  public int[] frauds = new int[0];

  /** Newest event time observed; eviction is relative to it. */
  public long newest = Long.MIN_VALUE;

  public WindowedKeys() {}

  public WindowedKeys(long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("window must be positive: " + windowMillis);
    }
    this.windowMillis = windowMillis;
  }

  /**
   * Records {@code key} at {@code t} and returns the distinct keys in {@code (t - w, t]}, {@code
   * key} included.
   */
  public int observe(String key, long t) {
    record(key, t);
    return 1 + count(key, t, false);
  }

  /**
   * Records {@code key} at {@code t} and returns the fraud-labelled keys other than {@code key} in
   * {@code (t - w, t]}.
   */
  public int observeFlagged(String key, long t) {
    record(key, t);
    return count(key, t, true);
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

  private void record(String key, long t) {
    newest = Math.max(newest, t);
    evictNotAfter(newest - windowMillis);
    see(key, t);
  }

  /** Keys other than {@code key} last seen in {@code (t - w, t]}, only flagged ones if asked. */
  private int count(String key, long t, boolean flaggedOnly) {
    int n = 0;
    for (int j = 0; j < keys.length; j++) {
      if ((!flaggedOnly || frauds[j] > 0)
          && !keys[j].equals(key)
          && lastSeen[j] > t - windowMillis
          && lastSeen[j] <= t) {
        n++;
      }
    }
    return n;
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
