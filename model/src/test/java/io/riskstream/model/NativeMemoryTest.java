package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scoring, training and imports must free their temporaries instead of piling them up. */
class NativeMemoryTest {

  private static final int F = TestData.SMALL.featureDim();

  @Test
  void repeatedCallsDoNotGrowTheModelsManager() {
    Random random = new Random(31);
    try (FraudModel model = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(model, TestData.GROUPS, 0.01f, 1f)) {
      exercise(model, trainer, random); // first round may create lazily cached arrays
      int baseline = model.manager().getManagedArrays().size();
      for (int round = 0; round < 10; round++) {
        exercise(model, trainer, random);
      }
      assertThat(model.manager().getManagedArrays()).hasSize(baseline);
    }
  }

  private static void exercise(FraudModel model, OnlineTrainer trainer, Random random) {
    List<ScoringInput> batch = TestData.batch(random, F, 16, 12);
    model.score(batch);
    model.explain(batch.subList(0, 4), 3);
    trainer.step(batch, TestData.plantedLabels(batch));
    model.importGroup(ParameterGroups.GATE, TestData.export(model, ParameterGroups.GATE));
  }
}
