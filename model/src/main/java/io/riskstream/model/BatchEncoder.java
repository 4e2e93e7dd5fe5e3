package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.List;

/**
 * Packs scoring inputs into the network's fixed-shape tensors: current {@code [B, F]}, history
 * {@code [B, L, F]}, validity {@code [B, L]} and, with category slots, embedding rows {@code [B,
 * S]}. Every row is padded to the full history length, so a row's result never depends on which
 * other inputs share its batch.
 *
 * <p>Layout: right-aligned, so position {@code L-1} is always the newest past event and the local
 * window is a fixed slice; the newest {@code min(n, L)} vectors sit at the end, oldest first, and
 * padding (zeros, validity 0) comes first.
 *
 * <p>Tensors are created over direct buffers this encoder reuses, one set per thread: DJL's PyTorch
 * engine wraps a direct buffer without copying, and a fresh one per batch would be freed only by
 * the garbage collector. Reuse is safe because callers close a batch's tensors (its sub-manager)
 * before the same thread encodes the next batch.
 */
final class BatchEncoder {

  private static final int SLOT_SALT = 0x61C88647;

  private final ModelConfig config;
  private final int featureDim;
  private final int historyLength;
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

  BatchEncoder(ModelConfig config) {
    this.config = config;
    this.featureDim = config.featureDim();
    this.historyLength = config.historyLength();
  }

  /** Checks every vector's width; throws IllegalArgumentException naming the offender. */
  void validate(List<ScoringInput> batch) {
    for (int b = 0; b < batch.size(); b++) {
      ScoringInput input = batch.get(b);
      if (input == null) {
        throw new IllegalArgumentException("input " + b + " is null");
      }
      checkWidth(input.current(), "input " + b + " current");
      float[][] history = input.history();
      if (history != null) {
        for (int i = 0; i < history.length; i++) {
          checkWidth(history[i], "input " + b + " history[" + i + "]");
        }
      }
    }
  }

  /** Number of history vectors of this input that the model uses. */
  int usedHistory(ScoringInput input) {
    return input.history() == null ? 0 : Math.min(input.history().length, historyLength);
  }

  /** Index into {@code input.history()} of padded position {@code position}, or -1 for padding. */
  int historyIndex(ScoringInput input, int position) {
    int padding = historyLength - usedHistory(input);
    return position < padding ? -1 : input.history().length - historyLength + position;
  }

  /** The embedding-table row of a hashed id in a slot; slots are salted apart. */
  int bucket(int hash, int slot) {
    int h = hash + SLOT_SALT * (slot + 1);
    h ^= h >>> 15;
    h *= 0x2c1b3c6d;
    h ^= h >>> 12;
    return Math.floorMod(h, config.hashBuckets());
  }

  /** The distinct embedding-table rows {@link #encode} makes the batch look up, ascending. */
  int[] tableRows(List<ScoringInput> batch) {
    int slots = config.categorySlots();
    BitSet rows = new BitSet(config.hashBuckets());
    for (ScoringInput input : batch) {
      int[] categories = input.categories();
      for (int s = 0; s < slots; s++) {
        rows.set(bucket(categoryHash(categories, s), s));
      }
    }
    return rows.stream().toArray();
  }

  private static int categoryHash(int[] categories, int slot) {
    return categories != null && slot < categories.length ? categories[slot] : CategoryIds.MISSING;
  }

  NDList encode(NDManager manager, List<ScoringInput> batch) {
    validate(batch);
    int size = batch.size();
    int slots = config.categorySlots();
    Buffers b = buffers.get();
    ByteBuffer current = b.current(size * featureDim * Float.BYTES);
    ByteBuffer history = b.history(size * historyLength * featureDim * Float.BYTES);
    ByteBuffer valid = b.valid(size * historyLength * Float.BYTES);
    ByteBuffer buckets = b.buckets(size * slots * Long.BYTES);
    for (int row = 0; row < size; row++) {
      ScoringInput input = batch.get(row);
      putFloats(current, input.current());
      int padding = historyLength - usedHistory(input);
      for (int p = 0; p < historyLength; p++) {
        if (p < padding) {
          for (int f = 0; f < featureDim; f++) {
            history.putFloat(0f);
          }
          valid.putFloat(0f);
        } else {
          putFloats(history, input.history()[historyIndex(input, p)]);
          valid.putFloat(1f);
        }
      }
      int[] categories = input.categories();
      for (int s = 0; s < slots; s++) {
        buckets.putLong(bucket(categoryHash(categories, s), s));
      }
    }
    NDList tensors =
        new NDList(
            create(manager, current, new Shape(size, featureDim), DataType.FLOAT32),
            create(manager, history, new Shape(size, historyLength, featureDim), DataType.FLOAT32),
            create(manager, valid, new Shape(size, historyLength), DataType.FLOAT32));
    if (slots > 0) {
      tensors.add(create(manager, buckets, new Shape(size, slots), DataType.INT64));
    }
    return tensors;
  }

  private static NDArray create(NDManager manager, ByteBuffer data, Shape shape, DataType type) {
    data.flip();
    return manager.create(data, shape, type);
  }

  private static void putFloats(ByteBuffer buffer, float[] values) {
    buffer.asFloatBuffer().put(values);
    buffer.position(buffer.position() + values.length * Float.BYTES);
  }

  private void checkWidth(float[] vector, String what) {
    if (vector == null || vector.length != featureDim) {
      throw new IllegalArgumentException(
          what
              + " must have "
              + featureDim
              + " features, got "
              + (vector == null ? "null" : vector.length));
    }
  }

  /** One thread's reusable direct buffers; each grows to the largest batch seen, never shrinks. */
  private static final class Buffers {
    private ByteBuffer current;
    private ByteBuffer history;
    private ByteBuffer valid;
    private ByteBuffer buckets;

    ByteBuffer current(int bytes) {
      return current = fit(current, bytes);
    }

    ByteBuffer history(int bytes) {
      return history = fit(history, bytes);
    }

    ByteBuffer valid(int bytes) {
      return valid = fit(valid, bytes);
    }

    ByteBuffer buckets(int bytes) {
      return buckets = fit(buckets, bytes);
    }

    private static ByteBuffer fit(ByteBuffer buffer, int bytes) {
      if (buffer == null || buffer.capacity() < bytes) {
        buffer = ByteBuffer.allocateDirect(Math.max(bytes, 1024)).order(ByteOrder.nativeOrder());
      }
      buffer.clear();
      buffer.limit(bytes);
      return buffer;
    }
  }
}
