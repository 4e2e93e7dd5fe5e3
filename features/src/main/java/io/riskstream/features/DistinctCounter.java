package io.riskstream.features;

import java.util.Arrays;

/**
 * Distinct keys (cards at a terminal) seen over the event-time window {@code (t - w, t]}: the
 * terminal side of the card-terminal graph.
 *
 * <p>Holds key -> last-seen time and evicts keys not seen within the window of the newest event, so
 * the state is bounded by the distinct keys of one window. A query at {@code t} counts keys last
 * seen in {@code (t - w, t]}, and always the key being observed at {@code t}. Out of order, a key
 * whose last sighting is later than {@code t} is not counted for the late event (its earlier
 * sightings are not kept): a slight undercount, never a crash or unbounded growth.
 *
 * <p>Parallel arrays rather than a map so that it is a plain Flink POJO with no Kryo fallback; the
 * linear scans are cheap at the few hundred cards a terminal sees in a day.
 */
public class DistinctCounter {
  public long windowMillis;
  public String[] keys = new String[0];
  public long[] lastSeen = new long[0];

  /** Newest event time observed; eviction is relative to it. */
  public long newest = Long.MIN_VALUE;

  public DistinctCounter() {}

  public DistinctCounter(long windowMillis) {
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
    newest = Math.max(newest, t);
    evictNotAfter(newest - windowMillis);
    int i = indexOf(key);
    if (i >= 0) {
      lastSeen[i] = Math.max(lastSeen[i], t);
    } else if (t > newest - windowMillis) {
      keys = Arrays.copyOf(keys, keys.length + 1);
      lastSeen = Arrays.copyOf(lastSeen, lastSeen.length + 1);
      keys[keys.length - 1] = key;
      lastSeen[lastSeen.length - 1] = t;
    }
    int n = 1; // the key observed now
    for (int j = 0; j < keys.length; j++) {
      if (!keys[j].equals(key) && lastSeen[j] > t - windowMillis && lastSeen[j] <= t) {
        n++;
      }
    }
    return n;
  }

  /** Keys held: the state size. */
  public int size() {
    return keys.length;
  }

  private int indexOf(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
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
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (lastSeen[i] > horizon) {
        k[j] = keys[i];
        s[j++] = lastSeen[i];
      }
    }
    keys = k;
    lastSeen = s;
  }
}
