package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  @Test
  void matchesScikitLearnsDocumentedExample() {
    // sklearn docs: average_precision_score and roc_auc_score of these give 0.8333… and 0.75.
    float[] labels = {0, 0, 1, 1};
    float[] scores = {0.1f, 0.4f, 0.35f, 0.8f};

    assertThat(RankingMetrics.averagePrecision(scores, labels)).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(RankingMetrics.auc(scores, labels)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void perfectAndReversedRankings() {
    float[] labels = {1, 0, 0, 1, 0};
    float[] perfect = {0.9f, 0.2f, 0.1f, 0.8f, 0.3f};
    float[] reversed = {0.1f, 0.8f, 0.9f, 0.2f, 0.7f};

    assertThat(RankingMetrics.auc(perfect, labels)).isEqualTo(1.0);
    assertThat(RankingMetrics.averagePrecision(perfect, labels)).isEqualTo(1.0);
    assertThat(RankingMetrics.auc(reversed, labels)).isEqualTo(0.0);
    // Thresholds 0.9, 0.8, 0.7 find no fraud; 0.2 finds 1 of 2 at 1/4; 0.1 the other at 2/5.
    assertThat(RankingMetrics.averagePrecision(reversed, labels))
        .isCloseTo(0.5 * 0.25 + 0.5 * 0.4, within(1e-12));
  }

  @Test
  void tiedScoresAreOneThresholdAndHalfAPairInTheAuc() {
    float[] labels = {1, 0, 1, 0};
    float[] scores = {0.9f, 0.9f, 0.1f, 0.1f};

    // Threshold 0.9: recall 1/2 at precision 1/2; threshold 0.1: recall 1 at precision 1/2.
    assertThat(RankingMetrics.averagePrecision(scores, labels)).isCloseTo(0.5, within(1e-12));
    // Pairs (fraud, genuine): (0,1) tie ½, (0,3) 1, (2,1) 0, (2,3) tie ½ → 2 of 4.
    assertThat(RankingMetrics.auc(scores, labels)).isCloseTo(0.5, within(1e-12));

    float[] allTied = {0.3f, 0.3f, 0.3f, 0.3f};
    assertThat(RankingMetrics.auc(allTied, labels)).isEqualTo(0.5);
    assertThat(RankingMetrics.averagePrecision(allTied, labels)).isEqualTo(0.5);
  }

  @Test
  void aucIsTheShareOfCorrectlyOrderedPairs() {
    Random random = new Random(5);
    int n = 300;
    float[] scores = new float[n];
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(10) == 0 ? 1 : 0;
      // Coarse scores so that many tie.
      scores[i] = random.nextInt(8) + labels[i] * random.nextInt(4);
    }
    double pairs = 0;
    double correct = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (labels[i] == 1 && labels[j] == 0) {
          pairs++;
          correct += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }

    assertThat(RankingMetrics.auc(scores, labels)).isCloseTo(correct / pairs, within(1e-12));
  }

  @Test
  void ordersNegativeScoresZerosAndInfinitiesByValue() {
    // Logits rather than probabilities: the ranking must follow the float values, with -0 tied
    // to 0 and the infinities at the ends.
    float[] scores = {
      -3.5f, Float.NEGATIVE_INFINITY, -0f, 0f, 2.25f, Float.POSITIVE_INFINITY, -1e-30f
    };
    float[] labels = {0, 0, 1, 0, 1, 1, 0};
    double pairs = 0;
    double correct = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (labels[i] == 1 && labels[j] == 0) {
          pairs++;
          correct += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }

    assertThat(RankingMetrics.auc(scores, labels)).isCloseTo(correct / pairs, within(1e-12));
    // +Inf and 2.25 are frauds (precision 1 at recall 2/3); the 0/-0 tie adds the third at 3/4.
    assertThat(RankingMetrics.averagePrecision(scores, labels))
        .isCloseTo(2.0 / 3 + (1.0 / 3) * 0.75, within(1e-12));
  }

  @Test
  void undefinedWithoutBothClassesAndRejectsBadInput() {
    assertThat(RankingMetrics.auc(new float[] {0.2f, 0.4f}, new float[] {0, 0})).isNaN();
    assertThat(RankingMetrics.averagePrecision(new float[] {0.2f}, new float[] {0})).isNaN();
    assertThat(RankingMetrics.auc(new float[] {0.2f}, new float[] {1})).isNaN();
    assertThatThrownBy(() -> RankingMetrics.auc(new float[] {0.2f}, new float[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 scores, 2 labels");
    assertThatThrownBy(
            () -> RankingMetrics.averagePrecision(new float[] {0.2f}, new float[] {0.5f}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 or 1");
  }
}
