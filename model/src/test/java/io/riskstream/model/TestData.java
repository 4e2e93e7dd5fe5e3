package io.riskstream.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random inputs for tests; every call site passes its own seed so tests stay reproducible. */
final class TestData {

  static final ModelConfig SMALL =
      new ModelConfig(6, 2, 64, 8, 2, 3, AttentionMode.SPARSE, 16, 4, 32, 2, 7L);

  static final List<String> GROUPS = ParameterGroups.of(SMALL);

  private TestData() {}

  static byte[] export(FraudModel model, String group) {
    return model.exportGroup(group, "test-model", 1);
  }

  static float[] vector(Random random, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = random.nextFloat();
    }
    return v;
  }

  static ScoringInput input(Random random, int dim, int historySize) {
    float[][] history = new float[historySize][];
    for (int i = 0; i < historySize; i++) {
      history[i] = vector(random, dim);
    }
    // A small id space, so ids repeat across inputs as terminals and devices do.
    int[] categories = {CategoryIds.hash("t" + random.nextInt(20)), random.nextInt(5)};
    return new ScoringInput(vector(random, dim), history, categories);
  }

  static List<ScoringInput> batch(Random random, int dim, int size, int maxHistory) {
    List<ScoringInput> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      batch.add(input(random, dim, random.nextInt(maxHistory + 1)));
    }
    return batch;
  }

  /** A model trained a few steps, so its weights differ from a fresh model's in every group. */
  static FraudModel trained(long seed) {
    FraudModel model = FraudModel.create(SMALL);
    Random random = new Random(seed);
    try (OnlineTrainer trainer = new OnlineTrainer(model, GROUPS, 0.01f, 2f)) {
      for (int step = 0; step < 5; step++) {
        List<ScoringInput> batch = batch(random, SMALL.featureDim(), 32, 12);
        trainer.step(batch, plantedLabels(batch));
      }
    }
    return model;
  }

  /** Planted pattern: fraud iff the first feature of the current event exceeds 0.5. */
  static float[] plantedLabels(List<ScoringInput> batch) {
    float[] labels = new float[batch.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = batch.get(i).current()[0] > 0.5f ? 1f : 0f;
    }
    return labels;
  }
}
