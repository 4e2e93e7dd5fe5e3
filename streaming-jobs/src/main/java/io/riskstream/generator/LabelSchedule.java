package io.riskstream.generator;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Holds back each transaction's verdict until {@code labelDelay} after the transaction, as
 * chargebacks and analyst decisions arrive late in reality; the learner must cope with that.
 *
 * <p>Labels come out ordered by due time, ties in the order they were added, with {@code labelTime}
 * set to the due time. Not thread-safe.
 */
public final class LabelSchedule {
  public static final String SOURCE = "synthetic";

  private final long delayMillis;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(
          Comparator.comparingLong((Pending p) -> p.dueMillis).thenComparingLong(p -> p.order));
  private long added;

  public LabelSchedule(Duration labelDelay) {
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("label delay must be >= 0: " + labelDelay);
    }
    this.delayMillis = labelDelay.toMillis();
  }

  public void add(GeneratedTransaction generated) {
    add(generated.transaction(), generated.fraud());
  }

  public void add(Transaction transaction, boolean fraud) {
    long due = transaction.getEventTime() + delayMillis;
    Label label =
        Label.newBuilder()
            .setTransactionId(transaction.getTransactionId())
            .setCardId(transaction.getCardId())
            .setFraud(fraud)
            .setLabelTime(due)
            .setSource(SOURCE)
            .build();
    pending.add(new Pending(due, added++, label));
  }

  /** Removes and returns the labels due at or before {@code nowMillis}, in due order. */
  public List<Label> due(long nowMillis) {
    List<Label> out = new ArrayList<>();
    while (!pending.isEmpty() && pending.peek().dueMillis <= nowMillis) {
      out.add(pending.poll().label);
    }
    return out;
  }

  /** Labels not released yet. */
  public int pending() {
    return pending.size();
  }

  private record Pending(long dueMillis, long order, Label label) {}
}
