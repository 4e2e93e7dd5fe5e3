package io.riskstream.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the card stage hands the scorer: the transaction, its feature vector and the card's previous
 * vectors (for sequence models). A Flink POJO.
 */
public class ScoringRequest {
  public String transactionId;
  public String cardId;
  public String terminalId;

  /** Null where unknown. */
  public String deviceId;

  /** Null where unknown. */
  public String ipAddress;

  public double amount;
  public long eventTime;

  /**
   * This transaction's features, in the order of the scorer's {@code FeatureSpec}, scaled for the
   * model.
   */
  public float[] features;

  /**
   * The card's previous feature vectors, oldest first, at most the configured history length; the
   * current vector is not included. Empty for a card's first transaction.
   */
  public float[][] history;

  /** Transaction ids of {@link #history}'s vectors, same order (null entries where unknown). */
  public String[] historyIds;

  public ScoringRequest() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScoringRequest r)) {
      return false;
    }
    return Double.compare(amount, r.amount) == 0
        && eventTime == r.eventTime
        && Objects.equals(transactionId, r.transactionId)
        && Objects.equals(cardId, r.cardId)
        && Objects.equals(terminalId, r.terminalId)
        && Objects.equals(deviceId, r.deviceId)
        && Objects.equals(ipAddress, r.ipAddress)
        && Arrays.equals(historyIds, r.historyIds)
        && Arrays.equals(features, r.features)
        && Arrays.deepEquals(history, r.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, cardId, terminalId, amount, eventTime) * 31
        + Arrays.hashCode(features) * 17
        + Arrays.deepHashCode(history);
  }

  @Override
  public String toString() {
    return "ScoringRequest{"
        + transactionId
        + ", card="
        + cardId
        + ", terminal="
        + terminalId
        + ", amount="
        + amount
        + ", eventTime="
        + eventTime
        + ", features="
        + Arrays.toString(features)
        + ", history="
        + (history == null ? "null" : history.length + " vectors")
        + '}';
  }
}
