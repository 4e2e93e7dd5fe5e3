package io.riskstream.model;

import ai.djl.ndarray.NDArray;

/**
 * The {@link Loss} of a batch as a differentiable NDArray scalar. Everything is written with
 * softplus in its stable form, so no exp of a large logit ever overflows and no log sees 0.
 */
final class TrainingLoss {

  private TrainingLoss() {}

  /** Weighted mean loss of {@code logits [B]} against labels {@code y [B]} in [0, 1]. */
  static NDArray mean(Loss loss, NDArray logits, NDArray y) {
    // -log(sigmoid(x)) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x).
    NDArray lossIfPositive = softplus(logits.neg());
    NDArray lossIfNegative = softplus(logits);
    NDArray positiveTerm;
    NDArray negativeTerm;
    NDArray weights;
    if (loss instanceof Loss.WeightedBce bce) {
      float positiveWeight = (float) bce.positiveWeight();
      positiveTerm = lossIfPositive.mul(positiveWeight);
      negativeTerm = lossIfNegative;
      weights = y.mul(positiveWeight - 1f).add(1f);
    } else if (loss instanceof Loss.Focal focal) {
      float gamma = (float) focal.gamma();
      float alpha = (float) focal.alpha();
      // (1 - p)^gamma = exp(gamma * log(1 - p)) = exp(-gamma * softplus(x)), and p^gamma likewise.
      NDArray easyPositive = lossIfNegative.mul(-gamma).exp();
      NDArray easyNegative = lossIfPositive.mul(-gamma).exp();
      positiveTerm = lossIfPositive.mul(easyPositive).mul(alpha);
      negativeTerm = lossIfNegative.mul(easyNegative).mul(1 - alpha);
      weights = y.mul(2 * alpha - 1).add(1 - alpha);
    } else {
      throw new IllegalArgumentException("unsupported loss " + loss);
    }
    // Soft labels mix the two terms linearly, as cross-entropy does.
    NDArray perExample = positiveTerm.mul(y).add(negativeTerm.mul(y.neg().add(1f)));
    return perExample.sum().div(weights.sum());
  }

  /** log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)). */
  private static NDArray softplus(NDArray x) {
    return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
  }
}
