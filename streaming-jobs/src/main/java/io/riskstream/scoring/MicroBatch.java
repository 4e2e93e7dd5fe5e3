package io.riskstream.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects elements until there are {@link BatchLimits#maxSize()} of them or the first has waited
 * {@link BatchLimits#maxWait()}, whichever comes first. The caller owns the clock: it passes the
 * time of each add and asks for the deadline, so this needs neither Flink nor a thread.
 */
final class MicroBatch<T> {
  private final int maxSize;
  private final long maxWaitMillis;
  private List<T> elements;
  private long deadline = Long.MAX_VALUE;

  MicroBatch(BatchLimits limits) {
    this.maxSize = limits.maxSize();
    this.maxWaitMillis = limits.maxWait().toMillis();
    this.elements = new ArrayList<>(maxSize);
  }

  /**
   * Adds an element at processing time {@code now}.
   *
   * @return true when the batch is full and should be drained now
   */
  boolean add(T element, long now) {
    if (elements.isEmpty()) {
      deadline = now + maxWaitMillis;
    }
    elements.add(element);
    return elements.size() >= maxSize;
  }

  /** When the oldest element has waited long enough; {@link Long#MAX_VALUE} while empty. */
  long deadline() {
    return deadline;
  }

  boolean isEmpty() {
    return elements.isEmpty();
  }

  /** The elements in arrival order; the batch is empty afterwards. */
  List<T> drain() {
    List<T> drained = elements;
    elements = new ArrayList<>(maxSize);
    deadline = Long.MAX_VALUE;
    return drained;
  }
}
