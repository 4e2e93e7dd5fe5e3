package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.learner.challenger.ChallengerRecord;
import io.riskstream.learner.challenger.FtrlModelData;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.FraudModel;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.ScoringInput;
import io.riskstream.model.TrainingPlan;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.ml.linalg.Vectors;
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

  @Test
  void scoresTheChallengerBesideTheChampionAndLetsItDecideOncePromoted() {
    List<ScoringRequest> requests = requests();
    double[] weights = new double[ModelUpdates.CONFIG.featureDim() + 1];
    weights[0] = 3; // fraud when the first feature is high
    FtrlModelData challenger = new FtrlModelData(Vectors.dense(weights), 4);
    try (Scorer scorer = scorer();
        FraudModel champion = FraudModel.create(ModelUpdates.CONFIG)) {
      scorer.accept(challengerRecord(1, challenger, 0.0)).orElseThrow();

      List<Scorer.Scored> shadow = scorer.score(requests);
      float[] championScores = champion.score(inputs(requests));
      for (int i = 0; i < requests.size(); i++) {
        Score score = shadow.get(i).score();
        assertThat(score.getDecidedBy()).isEqualTo("champion");
        assertThat(score.getScore()).isEqualTo(championScores[i]);
        assertThat(score.getChallengerScore())
            .isCloseTo(
                challenger.probability(Vectors.dense(toDoubles(requests.get(i).features))),
                within(1e-6));
      }

      scorer.accept(challengerRecord(2, challenger, 1.0)).orElseThrow();

      List<Scorer.Scored> promoted = scorer.score(requests);
      assertThat(promoted)
          .allSatisfy(
              s -> {
                assertThat(s.score().getDecidedBy()).isEqualTo("challenger");
                assertThat(s.score().getScore()).isEqualTo(s.score().getChallengerScore());
                assertThat(s.snapshot().getScore()).isEqualTo(s.score().getScore());
              });
      assertThat(scorer.servingVersion()).isEqualTo(2);
    }
  }

  @Test
  void refusesAChallengerOfAnotherWidth() {
    try (Scorer scorer = scorer()) {
      FtrlModelData narrow = new FtrlModelData(Vectors.dense(1, 2, 3), 1);

      assertThat(scorer.accept(challengerRecord(1, narrow, 0.0))).isEmpty();
      assertThat(scorer.rejectedVersions()).isEqualTo(1);
    }
  }

  private static ModelUpdate challengerRecord(long version, FtrlModelData data, double decides) {
    ModelUpdate update = ModelUpdates.update(version, ChallengerRecord.GROUP, 1, data.toBytes());
    update.setMetrics(Map.of(ChallengerRecord.DECIDES, decides));
    return update;
  }

  private static double[] toDoubles(float[] values) {
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
    }
    return doubles;
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
