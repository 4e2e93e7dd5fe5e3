package io.riskstream.features;

/**
 * The last {@code capacity} feature vectors of one card, a ring buffer so appending never shifts
 * the stored vectors. A Flink POJO so it can sit in keyed state.
 */
public class FeatureHistory {
  public float[][] slots = new float[0][];

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
  }

  public void append(float[] vector) {
    if (slots.length == 0) {
      return;
    }
    slots[next] = vector.clone();
    next = (next + 1) % slots.length;
    size = Math.min(size + 1, slots.length);
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
