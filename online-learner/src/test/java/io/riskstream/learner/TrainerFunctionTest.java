package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.learner.challenger.ChallengerRecord;
import io.riskstream.learner.challenger.ChallengerSettings;
import io.riskstream.learner.challenger.FtrlParams;
import io.riskstream.learner.drift.DriftSettings;
import io.riskstream.model.FraudModel;
import io.riskstream.model.RankingMetrics;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.ModelControl;
import io.riskstream.schemas.ModelControlKind;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TrainerFunctionTest {
  /** A gate whose holdout takes none of the ids these tests use ("a" to "d"). */
  private static final GateSettings RARE_HOLDOUT = new GateSettings(1000, 100, 2, 0.05);

  private static final LearnerSettings SETTINGS =
      new LearnerSettings(
          "test-model", List.of("head"), 2, Duration.ofSeconds(1), 1, 0.05f, 2f, RARE_HOLDOUT);

  @Test
  void publishesANewVersionPerFullBatch() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(Examples.example("a", true, 100), 0);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement1(Examples.example("b", false, 200), 0);

      ModelUpdate update = single(harness.extractOutputValues());
      assertThat(update.getVersion()).isEqualTo(1);
      assertThat(update.getParentVersion()).isZero();
      assertThat(update.getGroup()).isEqualTo("head");
      assertThat(update.getGroupsInVersion()).isEqualTo(1);
      assertThat(update.getTrainedThrough()).isEqualTo(200);
      assertThat(update.getTrainedExamples()).isEqualTo(2);
      assertThat(update.getMetrics()).containsKey("loss");
    }
  }

  @Test
  void learningFromLabelsRaisesTheAucOfThePublishedModelOnAPlantedPattern() throws Exception {
    Random random = new Random(11);
    List<TrainingExample> fresh = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      fresh.add(planted("test-" + i, random));
    }
    LearnerSettings settings = SETTINGS.withCadence(32, Duration.ofHours(1));
    try (var harness = harness(settings, null);
        FraudModel published = FraudModel.create(Examples.MODEL)) {
      double before = auc(published, fresh);
      harness.open();
      for (int i = 0; i < 640; i++) {
        harness.processElement1(planted("train-" + i, random), 0);
      }
      List<ModelUpdate> versions = harness.extractOutputValues();
      assertThat(versions).hasSize(20);
      published.importGroup("head", payload(versions.get(versions.size() - 1)));

      double after = auc(published, fresh);
      assertThat(after).as("AUC before %.3f, after %.3f", before, after).isGreaterThan(0.9);
      assertThat(after - before).isGreaterThan(0.2);
    }
  }

  @Test
  void aChallengerThatWinsIsPromotedAndScorersAreToldWithTheNextVersion() throws Exception {
    // A champion that barely learns (tiny steps) against the FTRL challenger on a planted pattern.
    LearnerSettings settings =
        new LearnerSettings(
                "test-model", List.of("head"), 32, Duration.ofHours(1), 1, 1e-6f, 1f, RARE_HOLDOUT)
            .withChallenger(ChallengerSettings.promotable(FtrlParams.defaults()));
    Random random = new Random(5);
    try (var harness = harness(settings, null)) {
      harness.open();
      for (int i = 0; i < 640; i++) {
        harness.processElement1(planted("p-" + i, random), 0);
      }

      ModelEvent promoted =
          harness.events().stream()
              .filter(e -> e.getKind() == ModelEventKind.CHALLENGER_PROMOTED)
              .findFirst()
              .orElseThrow();
      assertThat(promoted.getMetrics().get("challenger_ap"))
          .isGreaterThan(promoted.getMetrics().get("prequential_ap") + 0.02);
      List<ModelUpdate> records = harness.extractOutputValues();
      ModelUpdate last = records.get(records.size() - 1);
      assertThat(last.getGroup()).isEqualTo(ChallengerRecord.GROUP);
      assertThat(last.getGroupsInVersion()).isEqualTo(2);
      assertThat(last.getMetrics()).containsEntry(ChallengerRecord.DECIDES, 1.0);
      assertThat(ChallengerRecord.decode(payload(last)).numFeatures()).isEqualTo(4);
    }
  }

  /** Fraud when the first feature is high; the other features are noise. */
  private static TrainingExample planted(String id, Random random) {
    boolean fraud = random.nextDouble() < 0.2;
    float signal = (float) (random.nextGaussian() * 0.5 + (fraud ? 1 : -1));
    return TrainingExample.of(Examples.snapshot(id, signal), Examples.label(id, fraud, 100));
  }

  private static double auc(FraudModel model, List<TrainingExample> examples) {
    float[] labels = new float[examples.size()];
    List<ScoringInput> inputs = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).fraud ? 1 : 0;
      inputs.add(examples.get(i).input());
    }
    return RankingMetrics.auc(model.score(inputs), labels);
  }

  @Test
  void continuesTheLineageAndWeightsOfAnInitialModel() throws Exception {
    try (FraudModel offline = FraudModel.create(Examples.MODEL);
        FraudModel otherWeights = FraudModel.create(Examples.MODEL.withSeed(99))) {
      for (String group : offline.groups()) {
        offline.importGroup(group, otherWeights.exportGroup(group, "offline", 0));
      }
      SavedModel initial = SavedModel.of(offline, "test-model", 7, 50, "test", Map.of());
      try (var fromInitial = harness(initial);
          var fromSeed = harness(null)) {
        fromInitial.open();
        fromSeed.open();
        for (var h : List.of(fromInitial, fromSeed)) {
          h.processElement1(Examples.example("a", true, 100), 0);
          h.processElement1(Examples.example("b", false, 200), 0);
        }

        ModelUpdate update = single(fromInitial.extractOutputValues());
        assertThat(update.getVersion()).isEqualTo(8);
        assertThat(update.getParentVersion()).isEqualTo(7);
        assertThat(payload(update))
            .as("trained on from the initial weights, not the seeded ones")
            .isNotEqualTo(payload(single(fromSeed.extractOutputValues())));
      }
    }
  }

  @Test
  void skipsExamplesTheInitialModelWasTrainedThrough() throws Exception {
    try (FraudModel offline = FraudModel.create(Examples.MODEL)) {
      SavedModel initial = SavedModel.of(offline, "test-model", 7, 5_000, "test", Map.of());
      try (var harness = harness(initial)) {
        harness.open();
        TrainingExample learned = Examples.example("a", true, 100); // event time 1,000
        harness.processElement1(learned, 0);
        harness.processElement1(Examples.example("b", false, 200), 0);
        assertThat(harness.extractOutputValues()).as("both were in the offline fit").isEmpty();

        TrainingExample newer = Examples.example("c", true, 300);
        newer.eventTime = 5_001;
        TrainingExample newest = Examples.example("d", false, 400);
        newest.eventTime = 6_000;
        harness.processElement1(newer, 0);
        harness.processElement1(newest, 0);

        assertThat(single(harness.extractOutputValues()).getTrainedExamples()).isEqualTo(2);
      }
    }
  }

  @Test
  void theGateRejectsAPoisonedUpdateAndTheLineageGoesOn() throws Exception {
    // A fast learner (large steps): only the average-precision check is under test here.
    GateSettings everyOther = new GateSettings(2, 100, 2, 0.05, 1_000);
    LearnerSettings settings =
        new LearnerSettings(
            "test-model", List.of("head"), 8, Duration.ofHours(1), 30, 0.5f, 1f, everyOther);
    try (var harness = harness(settings, null)) {
      harness.open();
      int id = 0;
      // Honest labels: the planted pattern (feature 0 is +1 for fraud, -1 for genuine).
      while (harness.extractOutputValues().size() < 2 && id < 1_000) {
        String tx = "g" + id;
        harness.processElement1(Examples.example(tx, id++ % 2 == 0, 100), 0);
      }
      ModelUpdate honest = harness.extractOutputValues().get(1);
      assertThat(honest.getMetrics()).containsKeys("holdout_ap", "holdout_ap_before");
      int published = harness.extractOutputValues().size();

      // Flipped labels on examples the gate does not hold back: learning them ruins the ranking.
      int flipped = 0;
      while (flipped < 8) {
        String tx = "p" + id++;
        if (!everyOther.heldBack(tx)) {
          boolean fraud = flipped++ % 2 == 0;
          harness.processElement1(
              TrainingExample.of(
                  Examples.snapshot(tx, fraud ? 1f : -1f), Examples.label(tx, !fraud, 200)),
              0);
        }
      }
      assertThat(harness.extractOutputValues()).as("nothing published").hasSize(published);
      List<ModelEvent> events = harness.events();
      assertThat(events)
          .extracting(ModelEvent::getKind)
          .containsExactly(
              ModelEventKind.PUBLISHED, ModelEventKind.PUBLISHED, ModelEventKind.GATE_REJECTED);
      ModelEvent rejected = events.get(2);
      assertThat(rejected.getReason()).contains("a fall beyond 0.05");
      assertThat(rejected.getVersion()).isEqualTo(honest.getVersion() + 1);
      assertThat(rejected.getMetrics()).containsKeys("holdout_ap_before", "holdout_ap");

      int honestAgain = 0;
      while (honestAgain < 8) {
        String tx = "h" + id++;
        if (!everyOther.heldBack(tx)) {
          harness.processElement1(Examples.example(tx, honestAgain++ % 2 == 0, 300), 0);
        }
      }
      ModelUpdate next = harness.extractOutputValues().get(published);
      assertThat(next.getParentVersion()).isEqualTo(honest.getVersion());
      assertThat(next.getVersion()).isEqualTo(honest.getVersion() + 1);
    }
  }

  @Test
  void theGateRejectsABatchThatIsNotFinite() throws Exception {
    try (var harness = harness()) {
      harness.open();
      TrainingExample poisoned =
          TrainingExample.of(Examples.snapshot("a", Float.NaN), Examples.label("a", true, 100));
      harness.processElement1(poisoned, 0);
      harness.processElement1(Examples.example("b", false, 200), 0);

      assertThat(harness.extractOutputValues()).as("nothing published").isEmpty();
      ModelEvent rejected = harness.events().get(0);
      assertThat(rejected.getKind()).isEqualTo(ModelEventKind.GATE_REJECTED);
      assertThat(rejected.getReason()).contains("not finite");

      harness.processElement1(Examples.example("c", true, 300), 0);
      harness.processElement1(Examples.example("d", false, 400), 0);
      ModelUpdate next = single(harness.extractOutputValues());
      assertThat(next.getVersion()).as("a rejected candidate uses no version").isEqualTo(1);
      assertThat(next.getTrainedExamples()).isEqualTo(2);
    }
  }

  @Test
  void theGateRejectsAnUpdateThatBlowsUpTheWeights() throws Exception {
    LearnerSettings reckless =
        new LearnerSettings(
            "test-model", List.of("head"), 2, Duration.ofHours(1), 5, 50f, 2f, RARE_HOLDOUT);
    try (var harness = harness(reckless, null)) {
      harness.open();
      harness.processElement1(Examples.example("a", true, 100), 0);
      harness.processElement1(Examples.example("b", false, 200), 0);

      assertThat(harness.extractOutputValues()).isEmpty();
      assertThat(harness.events())
          .singleElement()
          .satisfies(e -> assertThat(e.getReason()).contains("weight norm of group head grew"));
    }
  }

  @Test
  void aRollbackRepublishesAnArchivedVersionAsTheNewest() throws Exception {
    OperatorSubtaskState checkpoint;
    List<ModelUpdate> published;
    try (var harness = harness()) {
      harness.open();
      for (String id : List.of("a", "b", "c", "d", "e", "f")) {
        harness.processElement1(Examples.example(id, id.charAt(0) % 2 == 0, 100), 0);
      }
      published = harness.extractOutputValues();
      assertThat(published).extracting(ModelUpdate::getVersion).containsExactly(1L, 2L, 3L);
      checkpoint = harness.snapshot(1, 1);
    }

    try (var restored = harness()) {
      restored.setup();
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement2(rollback(1, "req-1"), 0);

      ModelUpdate rolledBack = single(restored.extractOutputValues());
      assertThat(rolledBack.getVersion()).isEqualTo(4);
      assertThat(rolledBack.getParentVersion()).isEqualTo(1);
      assertThat(rolledBack.getTrainedThrough()).isEqualTo(published.get(0).getTrainedThrough());
      assertThat(scoreWith(rolledBack)).isEqualTo(scoreWith(published.get(0)));
      assertThat(scoreWith(rolledBack)).isNotEqualTo(scoreWith(published.get(2)));
      ModelEvent answer = restored.events().get(0);
      assertThat(answer.getKind()).isEqualTo(ModelEventKind.ROLLED_BACK);
      assertThat(answer.getRequestId()).isEqualTo("req-1");

      restored.processElement2(rollback(99, "req-2"), 0);
      assertThat(restored.events().get(1).getKind()).isEqualTo(ModelEventKind.ROLLBACK_REFUSED);
      assertThat(restored.events().get(1).getReason())
          .contains("not in the learner's archive, which keeps versions 0 to 4");

      restored.processElement1(Examples.example("g", true, 700), 0);
      restored.processElement1(Examples.example("h", false, 800), 0);
      ModelUpdate after = restored.extractOutputValues().get(1);
      assertThat(after.getVersion()).isEqualTo(5);
      assertThat(after.getParentVersion()).isEqualTo(4);
    }
  }

  @Test
  void driftInThePrequentialErrorIsReportedAndRaisesTheLearningRate() throws Exception {
    LearnerSettings watched =
        SETTINGS
            .withCadence(8, Duration.ofHours(1))
            .withDrift(DriftSettings.parse("raise-lr:3x:5,lambda=3,min=16"))
            .withChallenger(ChallengerSettings.shadow(FtrlParams.defaults()));
    try (var harness = harness(watched, null)) {
      harness.open();
      int id = 0;
      for (int i = 0; i < 160; i++, id++) {
        harness.processElement1(Examples.example("s" + id, id % 4 == 0, id), 0);
      }
      assertThat(harness.events())
          .as("a steady pattern, learned: no drift")
          .noneMatch(e -> e.getKind() == ModelEventKind.DRIFT_DETECTED);
      ModelUpdate last =
          harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
      assertThat(last.getMetrics())
          .containsKeys("prequential_ap", "prequential_auc", "challenger_ap", "challenger_auc");
      assertThat(last.getMetrics().get("challenger_auc")).isGreaterThan(0.9);

      // The pattern turns over: what looked genuine is now fraud.
      for (int i = 0; i < 64; i++, id++) {
        boolean fraud = id % 4 == 0;
        harness.processElement1(
            TrainingExample.of(
                Examples.snapshot("s" + id, fraud ? -1f : 1f), Examples.label("s" + id, fraud, id)),
            0);
      }
      ModelEvent drift =
          harness.events().stream()
              .filter(e -> e.getKind() == ModelEventKind.DRIFT_DETECTED)
              .findFirst()
              .orElseThrow();
      assertThat(drift.getReason())
          .contains("Page-Hinkley")
          .contains("step sizes raised 3.0x for the next 5 batches");
      assertThat(drift.getMetrics()).containsKey("mean_error");
    }
  }

  private static ModelControl rollback(long toVersion, String requestId) {
    return ModelControl.newBuilder()
        .setModelId("test-model")
        .setKind(ModelControlKind.ROLLBACK)
        .setToVersion(toVersion)
        .setRequestId(requestId)
        .setRequestedAt(0)
        .build();
  }

  /** The score a model with this update's head gives a fixed input. */
  private static float scoreWith(ModelUpdate update) {
    try (FraudModel model = FraudModel.create(Examples.MODEL)) {
      model.importGroup(update.getGroup(), payload(update));
      return model.score(List.of(Examples.example("z", true, 0).input()))[0];
    }
  }

  @Test
  void neverTrainsOnExamplesOfAnotherFeatureLayout() throws Exception {
    try (var harness = harness()) {
      harness.open();
      TrainingExample stale = Examples.example("a", true, 100);
      stale.featureLayout = "older-layout";
      harness.processElement1(stale, 0);
      harness.processElement1(Examples.example("b", false, 200), 0);
      assertThat(harness.extractOutputValues()).as("one example is not a batch of two").isEmpty();

      harness.processElement1(Examples.example("c", false, 300), 0);

      ModelUpdate update = single(harness.extractOutputValues());
      assertThat(update.getTrainedExamples()).isEqualTo(2);
      assertThat(update.getFeatureLayout()).isEqualTo("test");
    }
  }

  @Test
  void publishesAPartialBatchAfterTheMaximumWait() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.setProcessingTime(0);
      harness.processElement1(Examples.example("a", true, 100), 0);

      harness.setProcessingTime(999);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(1000);

      assertThat(single(harness.extractOutputValues()).getTrainedExamples()).isEqualTo(1);
    }
  }

  @Test
  void thePublishedWeightsAreTheTrainedOnes() throws Exception {
    try (var harness = harness();
        FraudModel initial = FraudModel.create(Examples.MODEL);
        FraudModel published = FraudModel.create(Examples.MODEL)) {
      harness.open();
      harness.processElement1(Examples.example("a", true, 100), 0);
      harness.processElement1(Examples.example("b", false, 200), 0);

      published.importGroup("head", payload(single(harness.extractOutputValues())));

      var input = Examples.example("c", true, 300).input();
      assertThat(published.score(List.of(input))[0]).isNotEqualTo(initial.score(List.of(input))[0]);
    }
  }

  @Test
  void aRestoredLearnerContinuesTheVersionSequenceFromItsWeights() throws Exception {
    OperatorSubtaskState checkpoint;
    ModelUpdate beforeFailure;
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(Examples.example("a", true, 100), 0);
      harness.processElement1(Examples.example("b", false, 200), 0);
      beforeFailure = single(harness.extractOutputValues());
      checkpoint = harness.snapshot(1, 1);
    }

    try (var restored = harness()) {
      restored.setup();
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement1(Examples.example("c", true, 300), 0);
      restored.processElement1(Examples.example("d", false, 400), 0);

      ModelUpdate afterRestore = single(restored.extractOutputValues());
      assertThat(afterRestore.getVersion()).isEqualTo(2);
      assertThat(afterRestore.getParentVersion()).isEqualTo(1);
      assertThat(afterRestore.getTrainedExamples()).isEqualTo(4);

      // The restored learner trained on from version 1's weights, not from the initial ones.
      try (var fresh = harness()) {
        fresh.open();
        fresh.processElement1(Examples.example("c", true, 300), 0);
        fresh.processElement1(Examples.example("d", false, 400), 0);
        assertThat(payload(afterRestore))
            .isNotEqualTo(payload(single(fresh.extractOutputValues())))
            .isNotEqualTo(payload(beforeFailure));
      }
    }
  }

  private static Harness harness() throws Exception {
    return harness(null);
  }

  private static Harness harness(SavedModel initial) throws Exception {
    return harness(SETTINGS, initial);
  }

  private static Harness harness(LearnerSettings settings, SavedModel initial) throws Exception {
    return new Harness(
        new KeyedCoProcessOperator<>(
            new TrainerFunction(Examples.MODEL, settings, "test", initial)));
  }

  /** The learner with its two inputs, both on the single model key. */
  private static final class Harness
      extends KeyedTwoInputStreamOperatorTestHarness<
          Integer, TrainingExample, ModelControl, ModelUpdate> {
    Harness(KeyedCoProcessOperator<Integer, TrainingExample, ModelControl, ModelUpdate> operator)
        throws Exception {
      super(operator, example -> 0, control -> 0, Types.INT);
    }

    List<ModelEvent> events() {
      return getSideOutput(TrainerFunction.EVENTS).stream().map(r -> r.getValue()).toList();
    }
  }

  private static ModelUpdate single(List<ModelUpdate> updates) {
    assertThat(updates).hasSize(1);
    return updates.get(0);
  }

  private static byte[] payload(ModelUpdate update) {
    ByteBuffer buffer = update.getPayload().duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
