package io.riskstream.features;

/**
 * The last {@code capacity} feature vectors of one card and their transaction ids, a ring buffer so
 * appending never shifts the stored vectors. A Flink POJO so it can sit in keyed state.
 */
public class FeatureHistory {
  public float[][] slots = new float[0][];

  /** Transaction id of each slot's vector (reason codes name the past events they point at). */
  public String[] ids = new String[0];

  /** Where the next vector goes. */
  public int next;

  /** Vectors held, at most {@code slots.length}. */
  public int size;

  public FeatureHistory() {}

  public FeatureHistory(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
    slots = new float[capacity][];
    ids = new String[capacity];
  }

  public void append(String transactionId, float[] vector) {
    if (slots.length == 0) {
      return;
    }
    if (ids == null || ids.length != slots.length) {
      ids = new String[slots.length]; // state written before ids were kept
    }
    slots[next] = vector.clone();
    ids[next] = transactionId;
    next = (next + 1) % slots.length;
    size = Math.min(size + 1, slots.length);
  }

  /** The held vectors' transaction ids, oldest first (null where unknown). */
  public String[] idsOldestFirst() {
    String[] out = new String[size];
    int start = Math.floorMod(next - size, Math.max(slots.length, 1));
    for (int i = 0; i < size; i++) {
      int slot = (start + i) % slots.length;
      out[i] = ids != null && slot < ids.length ? ids[slot] : null;
    }
    return out;
  }

  /** Copies of the held vectors, oldest first. */
  public float[][] oldestFirst() {
    float[][] out = new float[size][];
    int start = Math.floorMod(next - size, Math.max(slots.length, 1));
    for (int i = 0; i < size; i++) {
      out[i] = slots[(start + i) % slots.length].clone();
    }
    return out;
  }
}
