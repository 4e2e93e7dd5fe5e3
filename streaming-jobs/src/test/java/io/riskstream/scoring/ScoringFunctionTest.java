package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.FraudModel;
import io.riskstream.schemas.AttendedTransaction;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ScoringFunctionTest {

  @Test
  void scoresWithTheInitialModelAndSnapshotsWhatWasScored() throws Exception {
    try (var harness = harness();
        FraudModel initial = FraudModel.create(ModelUpdates.CONFIG)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("tx-1");

      harness.processElement(request, 1);

      Score score = lastScore(harness);
      assertThat(score.getModelVersion()).isZero();
      assertThat(score.getScore())
          .isCloseTo(initial.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
      FeatureSnapshot snapshot = harness.getSideOutput(ScoringFunction.SNAPSHOTS).peek().getValue();
      assertThat(snapshot.getTransactionId()).isEqualTo("tx-1");
      assertThat(snapshot.getScore()).isEqualTo(score.getScore());
      assertThat(snapshot.getHistory()).hasSize(2);
    }
  }

  @Test
  void hotSwapsAVersionOnceAllItsGroupsArrived() throws Exception {
    try (var harness = harness();
        FraudModel trained = ModelUpdates.trained(1)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("tx-2");

      harness.processBroadcastElement(
          ModelUpdates.update(1, "head", 2, trained.exportGroup("head", "test", 1)), 1);
      harness.processElement(request, 2);
      assertThat(lastScore(harness).getModelVersion()).as("half a version is not used").isZero();

      harness.processBroadcastElement(
          ModelUpdates.update(1, "gate", 2, trained.exportGroup("gate", "test", 1)), 3);
      harness.processElement(request, 4);

      Score score = lastScore(harness);
      assertThat(score.getModelVersion()).isEqualTo(1);
      assertThat(score.getModelTrainedThrough()).isEqualTo(1_000);
      assertThat(score.getScore())
          .isCloseTo(trained.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
    }
  }

  @Test
  void keepsServingTheCurrentVersionWhenAPayloadIsRejected() throws Exception {
    try (var harness = harness();
        FraudModel trained = ModelUpdates.trained(2)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("tx-3");
      harness.processBroadcastElement(
          ModelUpdates.update(1, "head", 1, trained.exportGroup("head", "test", 1)), 1);
      harness.processElement(request, 2);
      Score before = lastScore(harness);

      try (FraudModel other = ModelUpdates.trained(3)) {
        // Version 2: a good gate and a corrupt head. Neither may be applied.
        harness.processBroadcastElement(
            ModelUpdates.update(2, "gate", 2, other.exportGroup("gate", "test", 2)), 3);
        harness.processBroadcastElement(ModelUpdates.update(2, "head", 2, new byte[] {1, 2, 3}), 4);
      }
      harness.processElement(request, 5);

      Score after = lastScore(harness);
      assertThat(after.getModelVersion()).isEqualTo(1);
      assertThat(after.getScore()).isEqualTo(before.getScore());
    }
  }

  @Test
  void rejectsWeightsTrainedOnAnotherFeatureLayout() throws Exception {
    try (var harness = harness();
        FraudModel trained = ModelUpdates.trained(7)) {
      harness.open();
      for (ModelUpdate update : ModelUpdates.version(1, trained)) {
        update.setFeatureLayout("another-layout");
        harness.processBroadcastElement(update, 1);
      }
      harness.processElement(ModelUpdates.request("tx-6"), 2);

      assertThat(lastScore(harness).getModelVersion()).isZero();
    }
  }

  @Test
  void ignoresVersionsItAlreadyServes() throws Exception {
    try (var harness = harness();
        FraudModel v2 = ModelUpdates.trained(4);
        FraudModel v1 = ModelUpdates.trained(5)) {
      harness.open();
      for (ModelUpdate update : ModelUpdates.version(2, v2)) {
        harness.processBroadcastElement(update, 1);
      }
      for (ModelUpdate update : ModelUpdates.version(1, v1)) {
        harness.processBroadcastElement(update, 2);
      }
      ScoringRequest request = ModelUpdates.request("tx-4");
      harness.processElement(request, 3);

      assertThat(lastScore(harness).getModelVersion()).isEqualTo(2);
      assertThat(lastScore(harness).getScore())
          .isCloseTo(v2.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
    }
  }

  @Test
  void aRestoredScorerServesTheVersionItHad() throws Exception {
    OperatorSubtaskState checkpoint;
    try (FraudModel trained = ModelUpdates.trained(6)) {
      try (var harness = harness()) {
        harness.open();
        for (ModelUpdate update : ModelUpdates.version(3, trained)) {
          harness.processBroadcastElement(update, 1);
        }
        checkpoint = harness.snapshot(1, 1);
      }
      try (var restored = harness()) {
        restored.setup();
        restored.initializeState(checkpoint);
        restored.open();
        ScoringRequest request = ModelUpdates.request("tx-5");
        restored.processElement(request, 2);

        assertThat(lastScore(restored).getModelVersion()).isEqualTo(3);
        assertThat(lastScore(restored).getScore())
            .isCloseTo(trained.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
      }
    }
  }

  @Test
  void flaggedScoresCarryReasonCodesAndApprovedOnesDoNot() throws Exception {
    try (var flagging = harness(new DecisionPolicy(0.0, 1.0));
        var approving = harness(new DecisionPolicy(1.0, 1.0))) {
      flagging.open();
      approving.open();
      ScoringRequest request = ModelUpdates.request("tx-9");
      flagging.processElement(request, 1);
      approving.processElement(request, 1);

      ReasonCodes reasons = lastScore(flagging).getReasons();
      assertThat(reasons).isNotNull();
      assertThat(reasons.getAttendedTransactions())
          .extracting(AttendedTransaction::getTransactionId)
          .containsExactlyInAnyOrder("tx-9-prev-2", "tx-9-prev-1");
      assertThat(reasons.getFeatureContributions()).hasSize(Reasons.TOP_FEATURES);
      assertThat(FeatureSpecs.DEFAULT.names())
          .contains(reasons.getFeatureContributions().get(0).getFeature());
      assertThat(lastScore(approving).getReasons()).isNull();
      assertThat(lastScore(approving).getScore()).isEqualTo(lastScore(flagging).getScore());
    }
  }

  @Test
  void rejectsAPayloadWhoseHeaderDisagreesWithItsUpdate() throws Exception {
    try (var harness = harness();
        FraudModel trained = ModelUpdates.trained(4)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("tx-10");
      harness.processElement(request, 1);
      double before = lastScore(harness).getScore();

      // Version 1's record carrying a payload stamped as version 7.
      harness.processBroadcastElement(
          ModelUpdates.update(1, "head", 1, trained.exportGroup("head", "test", 7)), 2);
      harness.processElement(request, 3);

      assertThat(lastScore(harness).getModelVersion()).isZero();
      assertThat(lastScore(harness).getScore()).isEqualTo(before);
    }
  }

  private static BroadcastOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness()
      throws Exception {
    return harness(DecisionPolicy.defaults());
  }

  private static BroadcastOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness(
      DecisionPolicy decisions) throws Exception {
    return new BroadcastOperatorTestHarness<>(
        new CoBroadcastWithNonKeyedOperator<>(
            new ScoringFunction(
                ModelUpdates.CONFIG, decisions, "test-layout", FeatureSpecs.DEFAULT.names()),
            List.of(ScoringFunction.WEIGHTS)),
        1,
        1,
        0);
  }

  private static Score lastScore(
      BroadcastOperatorTestHarness<ScoringRequest, ModelUpdate, Score> h) {
    List<Score> scores = h.extractOutputValues();
    assertThat(scores).isNotEmpty();
    return scores.get(scores.size() - 1);
  }
}
