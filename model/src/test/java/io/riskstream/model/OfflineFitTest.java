package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OfflineFitTest {

  private static final int F = TestData.SMALL.featureDim();
  private static final List<ScoringInput> TRAIN = TestData.batch(new Random(41), F, 600, 12);
  private static final float[] LABELS = TestData.plantedLabels(TRAIN);

  @Test
  void learnsAPlantedPatternThatHoldsOnNewInputs() {
    List<ScoringInput> test = TestData.batch(new Random(42), F, 400, 12);
    float[] testLabels = TestData.plantedLabels(test);
    List<Integer> epochs = new ArrayList<>();
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      double before = RankingMetrics.auc(OfflineFit.score(model, test), testLabels);

      double[] losses =
          new OfflineFit(4, 32, 0.01f, 1f, 7L).train(model, TRAIN, LABELS, epochs::add);

      double after = RankingMetrics.auc(OfflineFit.score(model, test), testLabels);
      assertThat(epochs).containsExactly(1, 2, 3, 4);
      assertThat(losses[3]).isLessThan(losses[0]);
      assertThat(after).isGreaterThan(0.95).isGreaterThan(before);
    }
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    try (FraudModel a = FraudModel.create(TestData.SMALL);
        FraudModel b = FraudModel.create(TestData.SMALL);
        FraudModel c = FraudModel.create(TestData.SMALL)) {
      new OfflineFit(1, 64, 0.01f, 2f, 7L).train(a, TRAIN, LABELS, epoch -> {});
      new OfflineFit(1, 64, 0.01f, 2f, 7L).train(b, TRAIN, LABELS, epoch -> {});
      new OfflineFit(1, 64, 0.01f, 2f, 8L).train(c, TRAIN, LABELS, epoch -> {});

      for (String group : a.groups()) {
        assertThat(TestData.export(b, group)).as(group).isEqualTo(TestData.export(a, group));
      }
      assertThat(TestData.export(c, ParameterGroups.HEAD))
          .isNotEqualTo(TestData.export(a, ParameterGroups.HEAD));
    }
  }

  @Test
  void scoresInBatchesAsOneCallWould() {
    List<ScoringInput> many = TestData.batch(new Random(43), F, OfflineFit.SCORING_BATCH + 5, 12);
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      float[] scores = OfflineFit.score(model, many);

      assertThat(scores).hasSize(many.size());
      assertThat(scores).containsExactly(model.score(many));
    }
  }

  @Test
  void rejectsMismatchedLabelsAndEmptySets() {
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      OfflineFit fit = new OfflineFit(1, 8, 0.01f, 1f, 1L);
      assertThatThrownBy(() -> fit.train(model, TRAIN, new float[3], epoch -> {}))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fit.train(model, List.of(), new float[0], epoch -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new OfflineFit(0, 8, 0.01f, 1f, 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
