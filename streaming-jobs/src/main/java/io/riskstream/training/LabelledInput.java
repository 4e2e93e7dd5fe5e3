package io.riskstream.training;

import io.riskstream.model.ScoringInput;

/**
 * One training or test example: what the scorer would have been given for a transaction, and the
 * transaction's own fraud flag (the supervised target).
 */
public record LabelledInput(
    String transactionId, String cardId, long eventTime, ScoringInput input, boolean fraud) {

  public float label() {
    return fraud ? 1f : 0f;
  }
}
