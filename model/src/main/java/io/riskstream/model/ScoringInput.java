package io.riskstream.model;

/**
 * One event to score: its numeric feature vector, the card's previous feature vectors (oldest
 * first) and its categorical ids hashed with {@link CategoryIds#hash}, one per category slot.
 *
 * <p>Only the newest {@link ModelConfig#historyLength()} history vectors are used; any length,
 * including zero (or null), is accepted. Missing categories (null, or fewer than the model's slots)
 * use the slot's "unknown" row. Widths are checked against the model when scoring.
 */
public record ScoringInput(float[] current, float[][] history, int[] categories) {

  /** An input without categorical ids. */
  public ScoringInput(float[] current, float[][] history) {
    this(current, history, null);
  }
}
