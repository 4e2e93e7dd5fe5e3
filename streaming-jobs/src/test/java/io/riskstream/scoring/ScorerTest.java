package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.FraudModel;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.ScoringInput;
import io.riskstream.model.TrainingPlan;
import io.riskstream.schemas.ModelUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final TrainingPlan PLAN =
      TrainingPlan.parse("head=adam(lr=0.05);embeddings=adam(lr=0.05)");

  @Test
  void aScorerThatStartsLateRebuildsTheModelFromWhatCompactionKept() {
    List<ScoringRequest> requests = requests();
    try (FraudModel learner = FraudModel.create(ModelUpdates.CONFIG);
        OnlineTrainer trainer = new OnlineTrainer(learner, PLAN);
        Scorer scorer = scorer()) {
      train(trainer, requests, 1);
      byte[] tableAt3 = learner.exportGroup("embeddings", "test", 3);
      train(trainer, requests, 2);
      int[] rows = trainer.lastChangedRows();
      byte[] deltaAt5 = learner.exportRowDelta("embeddings", rows, "test", 5, 3);
      byte[] headAt5 = learner.exportGroup("head", "test", 5);

      // Compaction kept, per key, the newest record: version 3's full table (its head record
      // was superseded), and version 5's head and table delta.
      assertThat(scorer.accept(ModelUpdates.update(3, "embeddings", 2, tableAt3))).isEmpty();
      assertThat(scorer.accept(ModelUpdates.update(5, "head", 2, headAt5))).isEmpty();
      List<ModelUpdate> served =
          scorer.accept(delta(5, "embeddings", 2, deltaAt5, 3)).orElseThrow();

      assertThat(served)
          .as("the full table first, then the delta on top of it")
          .extracting(ModelUpdate::getVersion)
          .containsExactly(3L, 5L, 5L);
      assertThat(scorer.servingVersion()).isEqualTo(5);
      assertThat(deltaAt5.length).isLessThan(tableAt3.length / 10);
      float[] expected = learner.score(inputs(requests));
      List<Scorer.Scored> scored = scorer.score(requests);
      for (int i = 0; i < expected.length; i++) {
        assertThat(scored.get(i).score().getScore()).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void refusesADeltaOnTopOfATableItDoesNotHold() {
    List<ScoringRequest> requests = requests();
    try (FraudModel learner = FraudModel.create(ModelUpdates.CONFIG);
        OnlineTrainer trainer = new OnlineTrainer(learner, PLAN);
        Scorer scorer = scorer()) {
      train(trainer, requests, 1);
      byte[] delta = learner.exportRowDelta("embeddings", trainer.lastChangedRows(), "test", 2, 1);

      assertThat(scorer.accept(delta(2, "embeddings", 1, delta, 1))).isEmpty();

      assertThat(scorer.rejectedVersions()).isEqualTo(1);
      assertThat(scorer.servingVersion()).isZero();
    }
  }

  private static Scorer scorer() {
    return new Scorer(
        ModelUpdates.CONFIG,
        DevicePreference.CPU,
        DecisionPolicy.defaults(),
        "test-layout",
        FeatureSpecs.DEFAULT.names());
  }

  private static ModelUpdate delta(
      long version, String group, int groupsInVersion, byte[] payload, long base) {
    ModelUpdate update = ModelUpdates.update(version, group, groupsInVersion, payload);
    update.setBaseVersion(base);
    update.setPayload(ByteBuffer.wrap(payload));
    return update;
  }

  private static List<ScoringRequest> requests() {
    List<ScoringRequest> requests = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      ScoringRequest request = ModelUpdates.request("tx-" + i);
      request.terminalId = "t-" + (i % 5);
      requests.add(request);
    }
    return requests;
  }

  private static List<ScoringInput> inputs(List<ScoringRequest> requests) {
    return requests.stream().map(ModelUpdates::input).toList();
  }

  private static void train(OnlineTrainer trainer, List<ScoringRequest> requests, long seed) {
    Random random = new Random(seed);
    float[] labels = new float[requests.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextBoolean() ? 1 : 0;
    }
    trainer.step(inputs(requests), labels);
  }
}
