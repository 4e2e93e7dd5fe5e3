package io.riskstream.learner;

import java.io.Serializable;

/**
 * How the learner checks a candidate version before publishing it.
 *
 * @param holdoutEvery one labelled example in this many (chosen by transaction id, so the same ones
 *     after a restart) is held back from training and used to judge candidates
 * @param holdoutSize the newest held-back examples kept
 * @param minPositives fewer held-back frauds than this and average precision is too noisy to judge
 *     by: only the finiteness check applies
 * @param maxApDrop the largest fall in held-back average precision a candidate may cause
 * @param maxNormGrowth the most a group's weight norm may grow in one update, as a factor of its
 *     published norm (norms under 1 count as 1, so small groups may move freely): a guard against
 *     exploding weights that scores alone may not show yet
 */
public record GateSettings(
    int holdoutEvery, int holdoutSize, int minPositives, double maxApDrop, double maxNormGrowth)
    implements Serializable {

  /** The default factor a group's weight norm may grow by in one update. */
  public static final double DEFAULT_MAX_NORM_GROWTH = 1.5;

  public GateSettings {
    if (holdoutEvery < 2 || holdoutSize < 1 || minPositives < 1) {
      throw new IllegalArgumentException(
          "gate needs holdoutEvery >= 2, holdoutSize >= 1 and minPositives >= 1, got "
              + holdoutEvery
              + ", "
              + holdoutSize
              + ", "
              + minPositives);
    }
    if (!(maxApDrop >= 0 && maxApDrop <= 1)) {
      throw new IllegalArgumentException("gate maxApDrop must be in [0, 1], got " + maxApDrop);
    }
    if (!(maxNormGrowth > 1) || !Double.isFinite(maxNormGrowth)) {
      throw new IllegalArgumentException(
          "gate maxNormGrowth must be a finite factor > 1, got " + maxNormGrowth);
    }
  }

  /** The same with the default weight-norm limit. */
  public GateSettings(int holdoutEvery, int holdoutSize, int minPositives, double maxApDrop) {
    this(holdoutEvery, holdoutSize, minPositives, maxApDrop, DEFAULT_MAX_NORM_GROWTH);
  }

  /** One example in 10 held back, the newest 2,000 kept, at least 5 frauds, AP may fall 0.05. */
  public static GateSettings defaults() {
    return new GateSettings(10, 2_000, 5, 0.05);
  }

  /** Whether the example of this transaction is held back rather than trained on. */
  public boolean heldBack(String transactionId) {
    return Math.floorMod(transactionId.hashCode(), holdoutEvery) == 0;
  }
}
