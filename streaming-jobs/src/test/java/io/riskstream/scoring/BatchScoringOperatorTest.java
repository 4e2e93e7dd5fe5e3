package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.learner.RecordedMetrics;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.FraudModel;
import io.riskstream.model.SavedModel;
import io.riskstream.schemas.AttendedTransaction;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BatchScoringOperatorTest {
  private static final BatchLimits ONE_AT_A_TIME = new BatchLimits(1, Duration.ZERO);
  private static final BatchLimits THREE_OR_A_MINUTE = new BatchLimits(3, Duration.ofMinutes(1));

  @Test
  void scoresAFullBatchInRequestOrderWithEachRequestsTimestamp() throws Exception {
    try (var harness = harness(THREE_OR_A_MINUTE);
        FraudModel initial = FraudModel.create(ModelUpdates.CONFIG)) {
      harness.open();
      List<ScoringRequest> requests =
          List.of(ModelUpdates.request("a"), ModelUpdates.request("b"), ModelUpdates.request("c"));

      harness.processElement1(requests.get(0), 10);
      harness.processElement1(requests.get(1), 20);
      assertThat(harness.extractOutputValues()).as("a batch of 2 of 3 waits").isEmpty();
      harness.processElement1(requests.get(2), 30);

      assertThat(harness.getOutput())
          .extracting(r -> ((StreamRecord<?>) r).getTimestamp())
          .containsExactly(10L, 20L, 30L);
      List<Score> scores = harness.extractOutputValues();
      assertThat(scores).extracting(Score::getTransactionId).containsExactly("a", "b", "c");
      for (int i = 0; i < requests.size(); i++) {
        assertThat(scores.get(i).getScore())
            .as("scored in a batch as when scored alone")
            .isCloseTo(
                initial.score(List.of(ModelUpdates.input(requests.get(i))))[0], within(1e-6));
      }
      assertThat(harness.getSideOutput(BatchScoringOperator.SNAPSHOTS))
          .extracting(r -> r.getValue().getTransactionId())
          .containsExactly("a", "b", "c");
    }
  }

  @Test
  void scoresABatchWhoseFirstRequestWaitedTheMaximum() throws Exception {
    try (var harness = harness(new BatchLimits(100, Duration.ofMillis(10)))) {
      harness.setProcessingTime(1_000);
      harness.open();
      harness.processElement1(ModelUpdates.request("early"), 1);
      harness.setProcessingTime(1_005);
      harness.processElement1(ModelUpdates.request("later"), 2);
      harness.setProcessingTime(1_009);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.setProcessingTime(1_010);

      assertThat(harness.extractOutputValues())
          .extracting(Score::getTransactionId)
          .containsExactly("early", "later");
    }
  }

  @Test
  void aCheckpointBarrierNeverOvertakesABufferedRequest() throws Exception {
    try (var harness = harness(THREE_OR_A_MINUTE)) {
      harness.open();
      harness.processElement1(ModelUpdates.request("before-barrier"), 1);

      // What the task does before it sends a barrier on, as StreamTask does.
      harness.prepareSnapshotPreBarrier(1);
      harness.snapshot(1, 2);

      assertThat(harness.extractOutputValues())
          .extracting(Score::getTransactionId)
          .containsExactly("before-barrier");
    }
  }

  @Test
  void aWatermarkFollowsTheScoresOfTheRequestsBeforeIt() throws Exception {
    try (var harness = harness(THREE_OR_A_MINUTE)) {
      harness.open();
      harness.processElement1(ModelUpdates.request("old"), 5);

      harness.processBothWatermarks(new Watermark(7));

      assertThat(harness.getOutput()).hasSize(2);
      assertThat(harness.getOutput().peek()).isInstanceOf(StreamRecord.class);
      assertThat(harness.getOutput()).last().isEqualTo(new Watermark(7));
    }
  }

  @Test
  void theEndOfInputScoresWhatIsLeft() throws Exception {
    try (var harness = harness(THREE_OR_A_MINUTE)) {
      harness.open();
      harness.processElement1(ModelUpdates.request("last"), 1);
      harness.endInput1();
      harness.endInput2();

      harness.getOperator().finish();

      assertThat(harness.extractOutputValues())
          .extracting(Score::getTransactionId)
          .containsExactly("last");
    }
  }

  @Test
  void aVersionThatArrivesWhileRequestsWaitScoresThem() throws Exception {
    try (var harness = harness(THREE_OR_A_MINUTE);
        FraudModel trained = ModelUpdates.trained(8)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("waiting");
      harness.processElement1(request, 1);
      for (ModelUpdate update : ModelUpdates.version(1, trained)) {
        harness.processElement2(update, 2);
      }
      harness.processBothWatermarks(new Watermark(3));

      assertThat(lastScore(harness).getModelVersion()).isEqualTo(1);
      assertThat(lastScore(harness).getScore())
          .isCloseTo(trained.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
    }
  }

  @Test
  void scoresWithTheInitialModelAndSnapshotsWhatWasScored() throws Exception {
    try (var harness = harness();
        FraudModel initial = FraudModel.create(ModelUpdates.CONFIG)) {
      harness.open();
      ScoringRequest request = ModelUpdates.request("tx-1");

      harness.processElement1(request, 1);

      Score score = lastScore(harness);
      assertThat(score.getModelVersion()).isZero();
      assertThat(score.getScore())
          .isCloseTo(initial.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
      FeatureSnapshot snapshot =
          harness.getSideOutput(BatchScoringOperator.SNAPSHOTS).peek().getValue();
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

      harness.processElement2(
          ModelUpdates.update(1, "head", 2, trained.exportGroup("head", "test", 1)), 1);
      harness.processElement1(request, 2);
      assertThat(lastScore(harness).getModelVersion()).as("half a version is not used").isZero();

      harness.processElement2(
          ModelUpdates.update(1, "gate", 2, trained.exportGroup("gate", "test", 1)), 3);
      harness.processElement1(request, 4);

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
      harness.processElement2(
          ModelUpdates.update(1, "head", 1, trained.exportGroup("head", "test", 1)), 1);
      harness.processElement1(request, 2);
      Score before = lastScore(harness);

      try (FraudModel other = ModelUpdates.trained(3)) {
        // Version 2: a good gate and a corrupt head. Neither may be applied.
        harness.processElement2(
            ModelUpdates.update(2, "gate", 2, other.exportGroup("gate", "test", 2)), 3);
        harness.processElement2(ModelUpdates.update(2, "head", 2, new byte[] {1, 2, 3}), 4);
      }
      harness.processElement1(request, 5);

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
        harness.processElement2(update, 1);
      }
      harness.processElement1(ModelUpdates.request("tx-6"), 2);

      assertThat(lastScore(harness).getModelVersion()).isZero();
    }
  }

  @Test
  void startsFromTheInitialModelAndTakesOnlyNewerVersions() throws Exception {
    try (FraudModel offline = ModelUpdates.trained(11);
        FraudModel older = ModelUpdates.trained(12)) {
      SavedModel initial = SavedModel.of(offline, "test", 5, 5_000, "test-layout", Map.of());
      try (var harness = harness(DecisionPolicy.defaults(), ONE_AT_A_TIME, initial)) {
        harness.open();
        for (ModelUpdate update : ModelUpdates.version(4, older)) {
          harness.processElement2(update, 1);
        }
        ScoringRequest request = ModelUpdates.request("tx-11");
        harness.processElement1(request, 2);

        Score score = lastScore(harness);
        assertThat(score.getModelVersion()).isEqualTo(5);
        assertThat(score.getModelTrainedThrough()).isEqualTo(5_000);
        assertThat(score.getScore())
            .isCloseTo(offline.score(List.of(ModelUpdates.input(request)))[0], within(1e-6));
      }
    }
  }

  @Test
  void ignoresVersionsItAlreadyServes() throws Exception {
    try (var harness = harness();
        FraudModel v2 = ModelUpdates.trained(4);
        FraudModel v1 = ModelUpdates.trained(5)) {
      harness.open();
      for (ModelUpdate update : ModelUpdates.version(2, v2)) {
        harness.processElement2(update, 1);
      }
      for (ModelUpdate update : ModelUpdates.version(1, v1)) {
        harness.processElement2(update, 2);
      }
      ScoringRequest request = ModelUpdates.request("tx-4");
      harness.processElement1(request, 3);

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
          harness.processElement2(update, 1);
        }
        checkpoint = harness.snapshot(1, 1);
      }
      try (var restored = harness()) {
        restored.setup();
        restored.initializeState(checkpoint);
        restored.open();
        ScoringRequest request = ModelUpdates.request("tx-5");
        restored.processElement1(request, 2);

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
      flagging.processElement1(request, 1);
      approving.processElement1(request, 1);

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
      harness.processElement1(request, 1);
      double before = lastScore(harness).getScore();

      // Version 1's record carrying a payload stamped as version 7.
      harness.processElement2(
          ModelUpdates.update(1, "head", 1, trained.exportGroup("head", "test", 7)), 2);
      harness.processElement1(request, 3);

      assertThat(lastScore(harness).getModelVersion()).isZero();
      assertThat(lastScore(harness).getScore()).isEqualTo(before);
    }
  }

  @Test
  void countsScoresByDecisionAndReportsTheVersionItServes() throws Exception {
    String scores = "flink_taskmanager_job_task_operator_riskstream_decision_scores";
    String version = "flink_taskmanager_job_task_operator_riskstream_model_version";
    List<ScoringRequest> requests =
        List.of(ModelUpdates.request("x"), ModelUpdates.request("y"), ModelUpdates.request("z"));
    float[] sorted;
    try (FraudModel initial = FraudModel.create(ModelUpdates.CONFIG)) {
      sorted = initial.score(requests.stream().map(ModelUpdates::input).toList());
    }
    Arrays.sort(sorted);
    // Thresholds between the three scores: one request each way.
    DecisionPolicy oneEach =
        new DecisionPolicy((sorted[0] + sorted[1]) / 2.0, (sorted[1] + sorted[2]) / 2.0);
    RecordedMetrics metrics = new RecordedMetrics();
    try (var harness = metrics.twoInput(operator(oneEach, ONE_AT_A_TIME, null));
        FraudModel trained = ModelUpdates.trained(8)) {
      harness.open();
      assertThat(metrics.gauge(version)).isEqualTo(0L);
      for (ScoringRequest request : requests) {
        harness.processElement1(request, 1);
      }

      assertThat(harness.extractOutputValues()).hasSize(3);
      for (String decision : List.of("APPROVE", "REVIEW", "DECLINE")) {
        assertThat(metrics.count(scores, "decision", decision)).as(decision).isEqualTo(1);
      }
      for (ModelUpdate update : ModelUpdates.version(1, trained)) {
        harness.processElement2(update, 2);
      }
      assertThat(metrics.gauge(version)).isEqualTo(1L);
    }
  }

  private static TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness()
      throws Exception {
    return harness(DecisionPolicy.defaults(), ONE_AT_A_TIME);
  }

  private static TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness(
      DecisionPolicy decisions) throws Exception {
    return harness(decisions, ONE_AT_A_TIME);
  }

  private static TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness(
      BatchLimits limits) throws Exception {
    return harness(DecisionPolicy.defaults(), limits);
  }

  private static TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness(
      DecisionPolicy decisions, BatchLimits limits) throws Exception {
    return harness(decisions, limits, null);
  }

  private static TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> harness(
      DecisionPolicy decisions, BatchLimits limits, SavedModel initial) throws Exception {
    return new TwoInputStreamOperatorTestHarness<>(operator(decisions, limits, initial));
  }

  private static BatchScoringOperator operator(
      DecisionPolicy decisions, BatchLimits limits, SavedModel initial) {
    return new BatchScoringOperator(
        ModelUpdates.CONFIG,
        DevicePreference.CPU,
        decisions,
        "test-layout",
        FeatureSpecs.DEFAULT.names(),
        limits,
        initial);
  }

  private static Score lastScore(
      TwoInputStreamOperatorTestHarness<ScoringRequest, ModelUpdate, Score> h) {
    List<Score> scores = h.extractOutputValues();
    assertThat(scores).isNotEmpty();
    return scores.get(scores.size() - 1);
  }
}
