package io.riskstream.model;

import java.io.Serializable;

/**
 * The training loss on logits. Both are averaged over per-example weights, so their scale does not
 * depend on the batch size. {@link #toString()} is the compact form {@link TrainingPlan#parse}
 * reads.
 */
public sealed interface Loss extends Serializable {

  /** Binary cross-entropy, positives weighted by {@code positiveWeight}, negatives by 1. */
  record WeightedBce(double positiveWeight) implements Loss {
    public WeightedBce {
      Specs.requirePositive("bce", "pos", positiveWeight);
    }

    @Override
    public String toString() {
      return "bce(pos=" + Specs.format(positiveWeight) + ")";
    }
  }

  /**
   * Focal loss (Lin et al. 2017): cross-entropy scaled by {@code (1 - p_t)^gamma}, so the many easy
   * negatives of a fraud stream stop drowning out the rare hard examples; positives weighted by
   * {@code alpha}, negatives by {@code 1 - alpha}. With gamma 0 it is {@link WeightedBce} with
   * positiveWeight {@code alpha / (1 - alpha)}.
   */
  record Focal(double gamma, double alpha) implements Loss {
    public Focal {
      Specs.requireNonNegative("focal", "gamma", gamma);
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("focal parameter alpha must be in (0, 1), got " + alpha);
      }
    }

    @Override
    public String toString() {
      return "focal(gamma=" + Specs.format(gamma) + ",alpha=" + Specs.format(alpha) + ")";
    }
  }
}
