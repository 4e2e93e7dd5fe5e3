package io.riskstream.evaluation.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

  private static final int FEATURES = 5;

  @Test
  void scoresAsTheBoosterDoesMissingValuesIncluded() throws XGBoostError {
    Random random = new Random(3);
    int rows = 3_000;
    float[] data = rows(random, rows);
    float[] labels = new float[rows];
    for (int i = 0; i < rows; i++) {
      float x0 = data[i * FEATURES];
      float x1 = data[i * FEATURES + 1];
      labels[i] = (Float.isNaN(x0) ? random.nextInt(3) == 0 : x0 + 0.5f * x1 > 0.6f) ? 1 : 0;
    }
    DMatrix matrix = new DMatrix(data, rows, FEATURES, Float.NaN);
    matrix.setLabel(labels);
    Booster booster =
        XGBoost.train(matrix, XgboostBaseline.PARAMS, XgboostBaseline.ROUNDS, Map.of(), null, null);
    try {
      BoostedTrees trees = BoostedTrees.of(booster, data, FEATURES);
      assertThat(trees.size()).isEqualTo(XgboostBaseline.ROUNDS);

      float[] fresh = rows(random, 1_000);
      float[][] expected = booster.inplace_predict(fresh, 1_000, FEATURES, Float.NaN);
      float[] row = new float[FEATURES];
      for (int i = 0; i < 1_000; i++) {
        System.arraycopy(fresh, i * FEATURES, row, 0, FEATURES);
        assertThat(trees.probability(row)).isCloseTo(expected[i][0], within(1e-5));
      }
    } finally {
      booster.dispose();
      matrix.dispose();
    }
  }

  /** Uniform in [-1, 1), one value in ten missing. */
  private static float[] rows(Random random, int rows) {
    float[] data = new float[rows * FEATURES];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(10) == 0 ? Float.NaN : 2 * random.nextFloat() - 1;
    }
    return data;
  }
}
