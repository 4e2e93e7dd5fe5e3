package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnlineTrainerTest {

  private static final int F = TestData.SMALL.featureDim();

  @Test
  void learnsAPlantedPattern() {
    Random random = new Random(11);
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(model, TestData.GROUPS, 0.01f, 1f)) {
      float first = 0;
      float lastTen = 0;
      for (int step = 0; step < 200; step++) {
        List<ScoringInput> batch = TestData.batch(random, F, 64, 12);
        float loss = trainer.step(batch, TestData.plantedLabels(batch));
        if (step == 0) {
          first = loss;
        }
        if (step >= 190) {
          lastTen += loss / 10;
        }
      }
      System.out.printf("planted pattern: loss %.4f -> %.4f%n", first, lastTen);
      assertThat(lastTen).isLessThan(first * 0.5f);

      List<ScoringInput> test = TestData.batch(new Random(12), F, 256, 12);
      float[] labels = TestData.plantedLabels(test);
      float[] scores = model.score(test);
      double pos = 0;
      double neg = 0;
      int nPos = 0;
      int correct = 0;
      for (int i = 0; i < scores.length; i++) {
        if (labels[i] > 0) {
          pos += scores[i];
          nPos++;
        } else {
          neg += scores[i];
        }
        if ((scores[i] > 0.5f) == (labels[i] > 0)) {
          correct++;
        }
      }
      double meanPos = pos / nPos;
      double meanNeg = neg / (scores.length - nPos);
      System.out.printf(
          "planted pattern: mean score pos %.3f neg %.3f accuracy %.3f%n",
          meanPos, meanNeg, correct / (double) scores.length);
      assertThat(meanPos - meanNeg).isGreaterThan(0.5);
      assertThat(correct / (double) scores.length).isGreaterThan(0.9);
    }
  }

  @Test
  void theDefaultPlanLearnsThePlantedPattern() {
    Random random = new Random(16);
    List<ScoringInput> test = TestData.batch(new Random(17), F, 256, 12);
    float[] labels = TestData.plantedLabels(test);
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(model, TrainingPlan.defaults())) {
      assertThat(trainer.trainableGroups()).contains(ParameterGroups.HEAD, "experts/0");
      double before = RankingMetrics.auc(model.score(test), labels);
      for (int step = 0; step < 200; step++) {
        List<ScoringInput> batch = TestData.batch(random, F, 64, 12);
        trainer.step(batch, TestData.plantedLabels(batch));
      }
      double after = RankingMetrics.auc(model.score(test), labels);
      System.out.printf("default plan: AUC %.3f -> %.3f%n", before, after);
      assertThat(after).isGreaterThan(before + 0.1).isGreaterThan(0.9);
    }
  }

  @Test
  void focalLossAndAdaGradLearnToo() {
    Random random = new Random(18);
    List<ScoringInput> test = TestData.batch(new Random(19), F, 256, 12);
    float[] labels = TestData.plantedLabels(test);
    TrainingPlan plan =
        TrainingPlan.parse(
            "head=adagrad(lr=0.05);experts=adam(lr=0.01);loss=focal(gamma=2,alpha=0.5);clip=1");
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(model, plan)) {
      double before = RankingMetrics.auc(model.score(test), labels);
      for (int step = 0; step < 100; step++) {
        List<ScoringInput> batch = TestData.batch(random, F, 64, 12);
        trainer.step(batch, TestData.plantedLabels(batch));
      }
      double after = RankingMetrics.auc(model.score(test), labels);
      System.out.printf("focal + adagrad: AUC %.3f -> %.3f%n", before, after);
      assertThat(after).isGreaterThan(before + 0.1);
    }
  }

  @Test
  void onlyTheLookedUpTableRowsChangeAndAdvance() {
    Random random = new Random(20);
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer =
            new OnlineTrainer(model, TrainingPlan.parse("embeddings=adam(lr=0.05)"))) {
      int width = TestData.SMALL.modelDim();
      float[] before = ParameterValues.read(model.embeddingTable());
      List<ScoringInput> batch = TestData.batch(random, F, 8, 12);
      trainer.step(batch, TestData.plantedLabels(batch));
      int[] changed = trainer.lastChangedRows();
      assertThat(changed).isNotEmpty().isEqualTo(model.encoder().tableRows(batch));
      assertThat(changed.length).isLessThan(TestData.SMALL.hashBuckets() / 2);
      float[] after = ParameterValues.read(model.embeddingTable());
      AdamOptimizer state = (AdamOptimizer) trainer.optimizerOf(model.embeddingTable());
      int changedRows = 0;
      for (int row = 0; row < TestData.SMALL.hashBuckets(); row++) {
        float[] was = java.util.Arrays.copyOfRange(before, row * width, (row + 1) * width);
        float[] is = java.util.Arrays.copyOfRange(after, row * width, (row + 1) * width);
        if (java.util.Arrays.binarySearch(changed, row) >= 0) {
          assertThat(state.steps(row)).isEqualTo(1);
          changedRows += java.util.Arrays.equals(was, is) ? 0 : 1;
        } else {
          // bit-identical, compared as raw bits so even -0.0 vs 0.0 would show
          assertThat(floatBits(is)).as("row %d", row).isEqualTo(floatBits(was));
          assertThat(state.steps(row)).as("row %d", row).isZero();
        }
      }
      assertThat(changedRows).isEqualTo(changed.length);
      // The dense projection of the same group trains normally.
      Parameter numeric =
          model.parameters(ParameterGroups.EMBEDDINGS).stream()
              .filter(p -> p != model.embeddingTable())
              .findFirst()
              .orElseThrow();
      assertThat(((AdamOptimizer) trainer.optimizerOf(numeric)).steps(0)).isEqualTo(1);
    }
  }

  private static int[] floatBits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  @Test
  void onlyTrainableGroupsChange() {
    Random random = new Random(13);
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(model, Set.of(ParameterGroups.HEAD), 0.01f, 3f)) {
      byte[] embeddings = TestData.export(model, ParameterGroups.EMBEDDINGS);
      byte[] gate = TestData.export(model, ParameterGroups.GATE);
      byte[] attention = TestData.export(model, ParameterGroups.ATTENTION);
      byte[] head = TestData.export(model, ParameterGroups.HEAD);
      for (int step = 0; step < 5; step++) {
        List<ScoringInput> batch = TestData.batch(random, F, 32, 12);
        trainer.step(batch, TestData.plantedLabels(batch));
      }
      assertThat(TestData.export(model, ParameterGroups.EMBEDDINGS)).isEqualTo(embeddings);
      assertThat(TestData.export(model, ParameterGroups.GATE)).isEqualTo(gate);
      assertThat(TestData.export(model, ParameterGroups.ATTENTION)).isEqualTo(attention);
      assertThat(TestData.export(model, ParameterGroups.HEAD)).isNotEqualTo(head);
    }
  }

  @Test
  void everyGroupReceivesGradient() {
    Random random = new Random(14);
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      for (String group : TestData.GROUPS) {
        byte[] before = TestData.export(model, group);
        try (OnlineTrainer trainer = new OnlineTrainer(model, Set.of(group), 0.01f, 1f)) {
          List<ScoringInput> batch = TestData.batch(random, F, 32, 12);
          trainer.step(batch, TestData.plantedLabels(batch));
        }
        assertThat(TestData.export(model, group)).as(group).isNotEqualTo(before);
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      assertThatThrownBy(() -> new OnlineTrainer(model, Set.of("nope"), 0.01f, 1f))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> new OnlineTrainer(model, Set.of(), 0.01f, 1f))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new OnlineTrainer(model, TestData.GROUPS, 0f, 1f))
          .hasMessageContaining("learningRate");
      OnlineTrainer trainer = new OnlineTrainer(model, TestData.GROUPS, 0.01f, 1f);
      List<ScoringInput> batch = TestData.batch(new Random(15), F, 4, 3);
      assertThatThrownBy(() -> trainer.step(batch, new float[3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("label");
    }
  }
}
