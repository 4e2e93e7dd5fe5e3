package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each optimizer against a step computed by hand. */
class OptimizersTest {

  @Test
  void adamTakesABiasCorrectedStepOfAboutTheLearningRate() {
    AdamOptimizer adam = new AdamOptimizer(new OptimizerSpec.Adam(0.1), 1, 2);
    float[] w = {1f, 0f};
    // m = 0.1 g, v = 0.001 g^2; corrected: m^ = g, v^ = g^2, so the step is lr * sign(g).
    adam.update(w, new float[] {0.5f, -2f});
    assertThat(w[0]).isCloseTo(0.9f, within(1e-6f));
    assertThat(w[1]).isCloseTo(0.1f, within(1e-6f));
    assertThat(adam.steps(0)).isEqualTo(1);
  }

  @Test
  void adaGradDividesByTheRootOfTheAccumulatedSquares() {
    AdaGradOptimizer adaGrad = new AdaGradOptimizer(new OptimizerSpec.AdaGrad(0.1, 0.1), 1, 1);
    float[] w = {1f};
    adaGrad.update(w, new float[] {0.5f});
    // acc = 0.1 + 0.25 = 0.35; w = 1 - 0.1 * 0.5 / sqrt(0.35)
    assertThat(adaGrad.accumulator(0)).isCloseTo(0.35f, within(1e-7f));
    assertThat(w[0]).isCloseTo((float) (1 - 0.05 / Math.sqrt(0.35)), within(1e-6f));
    adaGrad.update(w, new float[] {0.5f});
    assertThat(adaGrad.accumulator(0)).isCloseTo(0.6f, within(1e-6f));
  }

  @Test
  void ftrlWarmStartsFromThePretrainedWeight() {
    FtrlOptimizer ftrl = new FtrlOptimizer(new OptimizerSpec.Ftrl(0.5, 1, 0, 0), 1, 1);
    float[] w = {2f};
    // z0 = -w0 * beta / alpha = -4. g = 1: n = 1, sigma = (1 - 0) / 0.5 = 2,
    // z = -4 + 1 - 2 * 2 = -7, w = 7 / ((1 + 1) / 0.5) = 1.75 (a step of about alpha/beta * g).
    ftrl.update(w, new float[] {1f});
    assertThat(ftrl.z(0)).isCloseTo(-7, within(1e-12));
    assertThat(ftrl.n(0)).isEqualTo(1);
    assertThat(w[0]).isEqualTo(1.75f);
  }

  @Test
  void ftrlWarmStartInvertsTheClosedForm() {
    FtrlOptimizer ftrl = new FtrlOptimizer(new OptimizerSpec.Ftrl(0.05, 1, 0.1, 0.2), 1, 1);
    for (double w : new double[] {-3, -0.3, 0, 0.001, 0.7, 5}) {
      for (double n : new double[] {0, 0.5, 10}) {
        assertThat(ftrl.weight(ftrl.warmStart(w, n), n)).isCloseTo(w, within(1e-12));
      }
    }
    float[] w = {0.7f, -0.3f};
    new FtrlOptimizer(new OptimizerSpec.Ftrl(0.05, 1, 0.1, 0.2), 1, 2)
        .update(w, new float[] {0f, 0f});
    assertThat(w).containsExactly(0.7f, -0.3f); // a zero gradient keeps the pretrained weights
  }

  @Test
  void ftrlWithL1DrivesSmallWeightsToExactlyZero() {
    FtrlOptimizer ftrl = new FtrlOptimizer(new OptimizerSpec.Ftrl(0.5, 1, 1, 0), 1, 2);
    float[] w = {0.1f, 2f};
    // small: z0 = -(0.1 * 2 + 1) = -1.2; g = 1, sigma = 2: z = -1.2 + 1 - 0.2 = -0.4, |z| <= l1.
    // large: z0 = -(2 * 2 + 1) = -5; g = 0.5, n = 0.25, sigma = 1: z = -5 + 0.5 - 2 = -6.5,
    //        w = (6.5 - 1) / ((1 + 0.5) / 0.5) = 5.5 / 3.
    ftrl.update(w, new float[] {1f, 0.5f});
    assertThat(ftrl.z(0)).isCloseTo(-0.4, within(1e-7)); // 0.1f is not exactly 0.1
    assertThat(w[0]).isZero();
    assertThat(w[1]).isCloseTo(5.5f / 3, within(1e-6f));
  }

  @Test
  void ftrlFollowsWeightsWrittenFromOutside() {
    FtrlOptimizer ftrl = new FtrlOptimizer(new OptimizerSpec.Ftrl(0.5, 1, 0, 0), 1, 1);
    float[] w = {2f};
    ftrl.update(w, new float[] {1f});
    w[0] = 3f; // e.g. a rollback to the published weights
    ftrl.update(w, new float[] {0f});
    assertThat(w[0]).isCloseTo(3f, within(1e-6f));
  }

  @Test
  void untouchedRowsKeepTheirWeightsAndState() {
    OptimizerSpec[] specs = {
      new OptimizerSpec.Adam(0.1),
      new OptimizerSpec.AdaGrad(0.1),
      new OptimizerSpec.Ftrl(0.1, 1, 0, 0)
    };
    for (OptimizerSpec spec : specs) {
      ParameterOptimizer optimizer = ParameterOptimizer.create(spec, 3, 2);
      float[] w = {1f, 2f, 3f, 4f, 5f, 6f};
      float[] g = {1f, 1f, 1f, 1f, 1f, 1f};
      optimizer.update(w, g, new int[] {1});
      assertThat(w).as(spec.toString()).startsWith(1f, 2f).endsWith(5f, 6f);
      assertThat(w[2]).as(spec.toString()).isNotEqualTo(3f);
      if (optimizer instanceof AdamOptimizer adam) {
        assertThat(adam.steps(0)).isZero();
        assertThat(adam.steps(1)).isEqualTo(1);
        assertThat(adam.steps(2)).isZero();
      } else if (optimizer instanceof AdaGradOptimizer adaGrad) {
        assertThat(adaGrad.accumulator(0)).isEqualTo(0.1f);
        assertThat(adaGrad.accumulator(5)).isEqualTo(0.1f);
      } else {
        FtrlOptimizer ftrl = (FtrlOptimizer) optimizer;
        assertThat(ftrl.n(0)).isZero();
        assertThat(ftrl.n(5)).isZero();
        assertThat(ftrl.n(2)).isEqualTo(1);
      }
    }
  }

  @Test
  void clippingScalesToTheGlobalNorm() {
    float[][] g = {{3f}, {4f}};
    Gradients.clipGlobalNorm(g, 1);
    assertThat(g[0][0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(g[1][0]).isCloseTo(0.8f, within(1e-6f));
  }
}
