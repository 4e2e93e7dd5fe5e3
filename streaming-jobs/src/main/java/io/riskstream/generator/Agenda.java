package io.riskstream.generator;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Fraud transactions that episodes have planned for later event times. Planning in event time keeps
 * a burst within minutes whatever the caller's rate, while the number of fraud transactions per
 * episode, and so the fraud rate, does not depend on it either. Ties go in planning order, so the
 * stream stays a function of the seed.
 */
final class Agenda {
  private final PriorityQueue<Planned> planned =
      new PriorityQueue<>(
          Comparator.comparingLong((Planned p) -> p.dueMillis).thenComparingLong(p -> p.order));
  private long order;

  void plan(long dueMillis, Payment payment) {
    planned.add(new Planned(dueMillis, order++, payment));
  }

  /** The earliest planned payment due at or before {@code nowMillis}, removed; or null. */
  Payment takeDue(long nowMillis) {
    if (planned.isEmpty() || planned.peek().dueMillis > nowMillis) {
      return null;
    }
    return planned.poll().payment;
  }

  private record Planned(long dueMillis, long order, Payment payment) {}
}
