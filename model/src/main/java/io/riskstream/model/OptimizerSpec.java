package io.riskstream.model;

import java.io.Serializable;

/**
 * Which optimizer a parameter group trains with, and its hyper-parameters. {@link #toString()} is
 * the compact form {@link TrainingPlan#parse} reads, e.g. {@code
 * ftrl(alpha=0.05,beta=1,l1=0,l2=0)}.
 */
public sealed interface OptimizerSpec extends Serializable {

  /**
   * The same optimizer with its step size (learning rate, or FTRL's alpha) times {@code factor}.
   */
  default OptimizerSpec scaled(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "a step-size factor must be finite and > 0, got " + factor);
    }
    if (this instanceof Adam adam) {
      return new Adam(adam.learningRate() * factor);
    }
    if (this instanceof AdaGrad adaGrad) {
      return new AdaGrad(adaGrad.learningRate() * factor, adaGrad.initialAccumulator());
    }
    Ftrl ftrl = (Ftrl) this;
    return new Ftrl(ftrl.alpha() * factor, ftrl.beta(), ftrl.l1(), ftrl.l2());
  }

  /** Adam (Kingma and Ba 2014) with beta1 0.9, beta2 0.999, epsilon 1e-8. */
  record Adam(double learningRate) implements OptimizerSpec {
    public Adam {
      Specs.requirePositive("adam", "lr", learningRate);
    }

    @Override
    public String toString() {
      return "adam(lr=" + Specs.format(learningRate) + ")";
    }
  }

  /**
   * AdaGrad (Duchi et al. 2011).
   *
   * @param initialAccumulator starting sum of squared gradients per coordinate (> 0)
   */
  record AdaGrad(double learningRate, double initialAccumulator) implements OptimizerSpec {
    public AdaGrad {
      Specs.requirePositive("adagrad", "lr", learningRate);
      Specs.requirePositive("adagrad", "init", initialAccumulator);
    }

    public AdaGrad(double learningRate) {
      this(learningRate, 0.1);
    }

    @Override
    public String toString() {
      return "adagrad(lr="
          + Specs.format(learningRate)
          + ",init="
          + Specs.format(initialAccumulator)
          + ")";
    }
  }

  /**
   * FTRL-Proximal (McMahan et al. 2013): per-coordinate learning rate {@code alpha / (beta +
   * sqrt(n))}, L1 strength {@code l1} (drives weights to exactly 0) and L2 strength {@code l2}.
   */
  record Ftrl(double alpha, double beta, double l1, double l2) implements OptimizerSpec {
    public Ftrl {
      Specs.requirePositive("ftrl", "alpha", alpha);
      Specs.requireNonNegative("ftrl", "beta", beta);
      Specs.requireNonNegative("ftrl", "l1", l1);
      Specs.requireNonNegative("ftrl", "l2", l2);
    }

    /**
     * From Flink ML OnlineLogisticRegression's parameters: {@code reg} is the total regularization
     * strength and {@code elasticNet} in [0, 1] its L1 share, so l1 = elasticNet * reg and l2 = (1
     * - elasticNet) * reg.
     */
    public static Ftrl ofElasticNet(double alpha, double beta, double reg, double elasticNet) {
      Specs.requireNonNegative("ftrl", "reg", reg);
      if (!(elasticNet >= 0 && elasticNet <= 1)) {
        throw new IllegalArgumentException(
            "ftrl parameter elasticNet must be in [0, 1], got " + elasticNet);
      }
      return new Ftrl(alpha, beta, elasticNet * reg, (1 - elasticNet) * reg);
    }

    @Override
    public String toString() {
      return "ftrl(alpha="
          + Specs.format(alpha)
          + ",beta="
          + Specs.format(beta)
          + ",l1="
          + Specs.format(l1)
          + ",l2="
          + Specs.format(l2)
          + ")";
    }
  }
}
