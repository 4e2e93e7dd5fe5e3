package io.riskstream.evaluation;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Paces a replay so that it cannot leak the future and cannot run away from the platform.
 *
 * <p>A replay compresses weeks into minutes, so the producer could publish a label (released at
 * event time {@code r}) while transactions before {@code r} still wait to be scored; the learner
 * would train on it and those transactions would be scored by a model that knew their future. The
 * pacer therefore releases a label only once every published transaction up to its release time has
 * a committed score (the <em>scored frontier</em>), and lets the producer run at most {@code
 * maxInFlight} transactions ahead of the scores, so latency and staleness are those of a platform
 * keeping up, not of a backlog.
 *
 * <p>Not thread-safe: the replay calls it under one lock from its producer and score reader.
 */
public final class ReplayPacer {
  private final int maxInFlight;
  private final ArrayDeque<Published> unscored = new ArrayDeque<>();
  private final Set<String> scoredAhead = new HashSet<>();
  private long frontier = Long.MIN_VALUE;

  private record Published(String transactionId, long eventTime) {}

  public ReplayPacer(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
  }

  /** A transaction was published; transactions are published in event-time order. */
  public void published(String transactionId, long eventTime) {
    unscored.addLast(new Published(transactionId, eventTime));
  }

  /** A committed score for a published transaction was read. */
  public void scored(String transactionId) {
    scoredAhead.add(transactionId);
    // Scores commit per partition, so they come out of order: advance over the scored prefix.
    while (!unscored.isEmpty() && scoredAhead.remove(unscored.peekFirst().transactionId())) {
      frontier = Math.max(frontier, unscored.pollFirst().eventTime());
    }
  }

  /**
   * The newest event time up to which every published transaction is scored; a label released at or
   * before it can no longer reach a transaction scored earlier.
   */
  public long scoredFrontier() {
    if (unscored.isEmpty()) {
      return frontier;
    }
    // Transactions of the head's own time may still be unscored.
    return Math.min(frontier, unscored.peekFirst().eventTime() - 1);
  }

  /** Whether the producer may publish another transaction now. */
  public boolean mayPublish() {
    return unscored.size() < maxInFlight;
  }

  /** Published transactions without a committed score. */
  public int inFlight() {
    return unscored.size();
  }
}
