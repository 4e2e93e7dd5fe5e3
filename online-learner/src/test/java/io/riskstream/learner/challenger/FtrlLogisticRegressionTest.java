package io.riskstream.learner.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.learner.TrainingExample;
import io.riskstream.model.RankingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

class FtrlLogisticRegressionTest {

  /** Flink ML's defaults, which the hand-worked steps below use. */
  private static final FtrlParams FLINK_ML = new FtrlParams(0.1, 0.1, 0, 0);

  private static LabeledVector point(double label, double... features) {
    return new LabeledVector(Vectors.dense(features), label);
  }

  @Test
  void firstStepMatchesTheClosedFormByHand() {
    FtrlLogisticRegression model = FtrlLogisticRegression.unstandardized(2, FLINK_ML);

    // All weights 0, so p = 0.5 for both points: errors -0.5 (fraud) and +0.5 (genuine).
    // Averaged gradient: x0: (-0.5 * 1 + 0.5 * 3) / 2 = 0.5, x1: (-0.5 * 2 + 0.5 * -1) / 2 = -0.75,
    // bias: (-0.5 + 0.5) / 2 = 0. With n = 0 and w = 0, z = g and n = g^2, so
    // w = -z / ((beta + |g|) / alpha) = -0.1 g / (0.1 + |g|).
    FtrlModelData data = model.update(List.of(point(1, 1, 2), point(0, 3, -1)));

    assertThat(data.modelVersion()).isEqualTo(1);
    assertThat(data.coefficient().get(0)).isCloseTo(-0.05 / 0.6, within(1e-15));
    assertThat(data.coefficient().get(1)).isCloseTo(0.075 / 0.85, within(1e-15));
    assertThat(data.intercept()).isZero();
  }

  @Test
  void secondStepUsesTheAccumulatedStateAndTheOldWeights() {
    FtrlLogisticRegression model = FtrlLogisticRegression.unstandardized(2, FLINK_ML);
    model.update(List.of(point(1, 1, 2), point(0, 3, -1)));
    double w0 = -0.05 / 0.6;

    FtrlModelData data = model.update(List.of(point(1, 1, 0)));

    // The one point's log-odds are w0 (x1 = 0, bias 0): error p - 1 for x0 and the bias.
    double g = 1 / (1 + Math.exp(-w0)) - 1;
    // x0 had n = 0.25, z = 0.5 after the first step.
    double sigma0 = (Math.sqrt(0.25 + g * g) - Math.sqrt(0.25)) / 0.1;
    double z0 = 0.5 + g - sigma0 * w0;
    double expected0 = -z0 / ((0.1 + Math.sqrt(0.25 + g * g)) / 0.1);
    // The bias had n = 0, z = 0, w = 0.
    double expectedBias = -g / ((0.1 + Math.abs(g)) / 0.1);
    assertThat(data.modelVersion()).isEqualTo(2);
    assertThat(data.coefficient().get(0)).isCloseTo(expected0, within(1e-15));
    assertThat(data.coefficient().get(0)).isCloseTo(-0.0199710, within(1e-6));
    // x1 saw a zero gradient: sigma = 0, z and the weight stay.
    assertThat(data.coefficient().get(1)).isCloseTo(0.075 / 0.85, within(1e-15));
    assertThat(data.intercept()).isCloseTo(expectedBias, within(1e-15));
  }

  @Test
  void l1GivesExactZerosWhereTheGradientIsWithinIt() {
    // l1 = 0.6 * 1.0: |z| = |g| after one step, 0.5 and 0 are inside it, 0.75 is not.
    FtrlLogisticRegression model =
        FtrlLogisticRegression.unstandardized(2, new FtrlParams(0.1, 0.1, 1, 0.6));

    FtrlModelData data = model.update(List.of(point(1, 1, 2), point(0, 3, -1)));

    assertThat(data.coefficient().get(0)).isEqualTo(0.0);
    assertThat(data.intercept()).isEqualTo(0.0);
    // (sign(z) l1 - z) / ((beta + sqrt(n)) / alpha + l2) with z = -0.75, l2 = 0.4.
    assertThat(data.coefficient().get(1)).isCloseTo((-0.6 + 0.75) / (8.5 + 0.4), within(1e-15));
  }

  @Test
  void l1ZeroesTheNoiseFeaturesOfAPlantedPattern() {
    // Pure L1 (elasticNet 1): the 18 features that play no part end exactly at 0, the two that
    // decide fraud do not. Without regularization no weight is exactly 0.
    FtrlLogisticRegression sparse =
        new FtrlLogisticRegression(Planted.FEATURES, new FtrlParams(0.5, 1, 2, 1));
    FtrlLogisticRegression dense =
        new FtrlLogisticRegression(Planted.FEATURES, new FtrlParams(0.5, 1, 0, 1));
    Planted planted = new Planted(7);
    for (int batch = 0; batch < 150; batch++) {
      List<LabeledVector> points = planted.batch(32);
      sparse.update(points);
      dense.update(points);
    }

    assertThat(zeros(sparse)).isEqualTo(Planted.FEATURES - 2);
    assertThat(sparse.modelData().coefficient().get(Planted.FIRST)).isGreaterThan(0.3);
    assertThat(sparse.modelData().coefficient().get(Planted.SECOND)).isGreaterThan(0.3);
    assertThat(zeros(dense)).isZero();
  }

  private static long zeros(FtrlLogisticRegression model) {
    DenseVector weights = model.modelData().coefficient();
    long zeros = 0;
    for (int i = 0; i < Planted.FEATURES; i++) {
      if (weights.get(i) == 0.0) {
        zeros++;
      }
    }
    return zeros;
  }

  @Test
  void learnsAPlantedPatternWellAboveChance() {
    Planted planted = new Planted(42);
    FtrlLogisticRegression model =
        new FtrlLogisticRegression(Planted.FEATURES, FtrlParams.defaults());
    List<LabeledVector> holdout = planted.batch(20_000);
    assertThat(auc(model, holdout)).isEqualTo(0.5);

    for (int batch = 0; batch < 125; batch++) {
      model.update(planted.batch(32));
    }

    double auc = auc(model, holdout);
    System.out.printf("FTRL planted pattern: AUC %.4f after 4000 examples%n", auc);
    assertThat(auc).isGreaterThan(0.85);
    assertThat(model.modelVersion()).isEqualTo(125);
  }

  @Test
  void standardizingFitsFeaturesOfVeryDifferentScales() {
    // The planted pattern again, with each feature shifted and scaled as unevenly as the
    // platform's are: offsets of 4 or 300, spreads from 0.01 to 100.
    double[] offset = new double[Planted.FEATURES];
    double[] scale = new double[Planted.FEATURES];
    for (int i = 0; i < Planted.FEATURES; i++) {
      offset[i] = i % 2 == 0 ? 4 : 300;
      scale[i] = Math.pow(10, i % 5 - 2);
    }
    Planted planted = new Planted(11);
    List<LabeledVector> holdout = misScaled(planted.batch(20_000), offset, scale);
    FtrlLogisticRegression standardized =
        new FtrlLogisticRegression(Planted.FEATURES, FtrlParams.defaults());
    FtrlLogisticRegression raw =
        FtrlLogisticRegression.unstandardized(Planted.FEATURES, FtrlParams.defaults());

    for (int batch = 0; batch < 125; batch++) {
      List<LabeledVector> points = misScaled(planted.batch(32), offset, scale);
      standardized.update(points);
      raw.update(points);
    }

    double withStandardizing = auc(standardized, holdout);
    double without = auc(raw, holdout);
    System.out.printf(
        "FTRL mis-scaled planted pattern: AUC %.4f standardized, %.4f raw%n",
        withStandardizing, without);
    assertThat(withStandardizing).isGreaterThan(0.9);
    assertThat(without).isLessThan(withStandardizing - 0.2);
  }

  private static List<LabeledVector> misScaled(
      List<LabeledVector> points, double[] offset, double[] scale) {
    List<LabeledVector> shifted = new ArrayList<>(points.size());
    for (LabeledVector point : points) {
      double[] x = point.features().values.clone();
      for (int i = 0; i < x.length; i++) {
        x[i] = offset[i] + scale[i] * x[i];
      }
      shifted.add(new LabeledVector(new DenseVector(x), point.label()));
    }
    return shifted;
  }

  @Test
  void standardizesWithTheTrainingExamplesOnly() {
    FtrlLogisticRegression model = new FtrlLogisticRegression(2, FtrlParams.defaults());
    model.update(List.of(point(1, 10, 0.5), point(0, 20, 0.5), point(0, 30, 0.5)));
    FtrlModelData before = model.modelData();

    // Scoring, however far out, teaches the statistics nothing.
    for (int i = 0; i < 100; i++) {
      model.predict(Vectors.dense(1e6, -1e6));
    }

    assertThat(model.modelData()).isEqualTo(before);
    Standardizer statistics = before.standardizer();
    assertThat(statistics.count()).isEqualTo(3);
    assertThat(statistics.mean(0)).isCloseTo(20, within(1e-12));
    assertThat(statistics.sd(0)).isCloseTo(Math.sqrt(200.0 / 3), within(1e-12));
    // The constant feature cannot tell examples apart: it reads 0 and its weight stays 0.
    assertThat(before.coefficient().get(1)).isZero();
    // The fraud was the smallest first feature, and there is an intercept.
    assertThat(before.coefficient().get(0)).isNegative();
    assertThat(before.intercept()).isNotZero();
    assertThat(FtrlLogisticRegression.unstandardized(2, FLINK_ML).modelData().standardizer())
        .isNull();
  }

  @Test
  void learnsFromTheScoredSnapshotsFeatures() {
    TrainingExample example = new TrainingExample();
    example.features = new float[] {0.5f, -2f};
    example.fraud = true;

    LabeledVector point = LabeledVector.of(example);

    assertThat(point.features().values).containsExactly(0.5, -2.0);
    assertThat(point.label()).isEqualTo(1.0);
  }

  @Test
  void emptyBatchChangesNothing() {
    FtrlLogisticRegression model = new FtrlLogisticRegression(2, FtrlParams.defaults());

    FtrlModelData data = model.update(List.of());

    assertThat(data.modelVersion()).isZero();
    assertThat(data.coefficient().values).containsExactly(0, 0, 0);
    assertThat(data.standardizer().count()).isZero();
  }

  @Test
  void rejectsVectorsOfTheWrongLengthAndBadParams() {
    FtrlLogisticRegression model = new FtrlLogisticRegression(2, FtrlParams.defaults());
    assertThatThrownBy(() -> model.update(List.of(point(1, 1, 2), point(1, 1, 2, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 features");
    // A rejected batch leaves the statistics as they were, the good vector included.
    assertThat(model.modelData().standardizer().count()).isZero();
    assertThatThrownBy(() -> new FtrlParams(0, 0.1, 0, 0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new FtrlParams(0.1, 0.1, -1, 0)).hasMessageContaining("reg");
    assertThatThrownBy(() -> new FtrlParams(0.1, 0.1, 0, 1.5)).hasMessageContaining("elasticNet");
    assertThatThrownBy(() -> point(0.5, 1, 2)).hasMessageContaining("label");
  }

  @Test
  void paramsSplitRegularizationAsFlinkMl() {
    FtrlParams params = new FtrlParams(0.1, 0.1, 0.5, 0.2);
    assertThat(params.l1()).isCloseTo(0.1, within(1e-15));
    assertThat(params.l2()).isCloseTo(0.4, within(1e-15));
    assertThat(FtrlParams.defaults()).isEqualTo(new FtrlParams(3, 1, 0.01, 0));
  }

  static double auc(FtrlLogisticRegression model, List<LabeledVector> points) {
    float[] scores = new float[points.size()];
    float[] labels = new float[points.size()];
    for (int i = 0; i < points.size(); i++) {
      scores[i] = (float) model.predict(points.get(i).features());
      labels[i] = (float) points.get(i).label();
    }
    return RankingMetrics.auc(scores, labels);
  }

  /** 20 standard Gaussian features; fraud when features 3 and 7 both exceed 1.07 (about 2%). */
  static final class Planted {
    static final int FEATURES = 20;
    static final int FIRST = 3;
    static final int SECOND = 7;
    // P(x > 1.073) = 0.1415 for a standard Gaussian, and 0.1415^2 = 0.020.
    static final double THRESHOLD = 1.073;

    private final Random random;

    Planted(long seed) {
      this.random = new Random(seed);
    }

    List<LabeledVector> batch(int size) {
      List<LabeledVector> points = new ArrayList<>(size);
      for (int p = 0; p < size; p++) {
        double[] x = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
          x[i] = random.nextGaussian();
        }
        boolean fraud = x[FIRST] > THRESHOLD && x[SECOND] > THRESHOLD;
        points.add(new LabeledVector(new DenseVector(x), fraud ? 1 : 0));
      }
      return points;
    }
  }
}
