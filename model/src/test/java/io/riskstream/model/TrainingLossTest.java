package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class TrainingLossTest {

  private static final float[] LOGITS = {-3f, -0.5f, 0f, 0.7f, 4f, -1.2f};
  private static final float[] LABELS = {0f, 1f, 0f, 1f, 1f, 0f};

  @Test
  void focalWithGammaZeroIsBceWithPositivesWeightedAlphaOverOneMinusAlpha() {
    float focal = value(new Loss.Focal(0, 0.8), LOGITS, LABELS);
    float bce = value(new Loss.WeightedBce(0.8 / 0.2), LOGITS, LABELS);
    assertThat(focal).isCloseTo(bce, within(1e-6f));
    assertThat(value(new Loss.Focal(0, 0.5), LOGITS, LABELS))
        .isCloseTo(value(new Loss.WeightedBce(1), LOGITS, LABELS), within(1e-6f));
  }

  @Test
  void weightedBceMatchesTheTextbookFormula() {
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < LOGITS.length; i++) {
      double p = 1 / (1 + Math.exp(-LOGITS[i]));
      double w = LABELS[i] > 0 ? 3 : 1;
      sum += w * -(LABELS[i] * Math.log(p) + (1 - LABELS[i]) * Math.log(1 - p));
      weights += w;
    }
    assertThat(value(new Loss.WeightedBce(3), LOGITS, LABELS))
        .isCloseTo((float) (sum / weights), within(1e-6f));
  }

  @Test
  void focalDownWeightsEasyExamples() {
    float[] easy = {6f};
    float[] one = {1f};
    float[] hard = {-2f};
    Loss focal = new Loss.Focal(2, 0.5);
    Loss bce = new Loss.WeightedBce(1);
    float easyRatio = value(focal, easy, one) / value(bce, easy, one);
    float hardRatio = value(focal, hard, one) / value(bce, hard, one);
    assertThat(easyRatio).isLessThan(1e-4f);
    assertThat(hardRatio).isGreaterThan(0.7f);
  }

  @Test
  void extremeLogitsStayFinite() {
    float[] logits = {-1000f, 1000f, -1000f, 1000f};
    float[] labels = {1f, 0f, 0f, 1f};
    for (Loss loss : new Loss[] {new Loss.WeightedBce(5), new Loss.Focal(2, 0.25)}) {
      float v = value(loss, logits, labels);
      assertThat(Float.isFinite(v)).as(loss.toString()).isTrue();
      assertThat(v).isGreaterThan(100f);
    }
  }

  private static float value(Loss loss, float[] logits, float[] labels) {
    try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
      return TrainingLoss.mean(loss, manager.create(logits), manager.create(labels)).getFloat();
    }
  }
}
