package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.ModelControl;
import io.riskstream.schemas.ModelUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A learner killed after a checkpoint and restarted from it, as Flink does it: the source rewinds
 * to the checkpoint's offsets and replays what came after, and the exactly-once sink drops what the
 * killed learner emitted after the checkpoint (its transaction is never committed).
 */
class LearnerRecoveryTest {
  private static final GateSettings EVERY_FIFTH = new GateSettings(5, 100, 2, 0.5, 1_000);
  private static final LearnerSettings SETTINGS =
      new LearnerSettings(
          "test-model", List.of("head"), 4, Duration.ofHours(1), 1, 0.05f, 2f, EVERY_FIFTH);

  @Test
  void aKilledLearnerRestartedFromItsCheckpointLosesNoLabelAndRepeatsNoVersion() throws Exception {
    List<TrainingExample> labels = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      labels.add(Examples.example("tx-" + i, i % 3 == 0, 1_000 + i));
    }
    int checkpointAfter = 27;
    List<ModelUpdate> committed = new ArrayList<>();
    OperatorSubtaskState checkpoint;
    try (var killed = harness()) {
      killed.open();
      for (int i = 0; i < checkpointAfter; i++) {
        killed.processElement1(labels.get(i), 0);
      }
      checkpoint = killed.snapshot(1, 1);
      committed.addAll(killed.extractOutputValues());
      for (int i = checkpointAfter; i < 50; i++) {
        killed.processElement1(labels.get(i), 0);
      }
      assertThat(killed.extractOutputValues().size())
          .as("versions published after the checkpoint, never committed")
          .isGreaterThan(committed.size());
    }

    try (var restarted = harness()) {
      restarted.setup();
      restarted.initializeState(checkpoint);
      restarted.open();
      for (int i = checkpointAfter; i < labels.size(); i++) {
        restarted.processElement1(labels.get(i), 0);
      }
      committed.addAll(restarted.extractOutputValues());
    }

    List<Long> versions = committed.stream().map(ModelUpdate::getVersion).toList();
    assertThat(versions)
        .as("one record per version, numbered without gaps")
        .doesNotHaveDuplicates();
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).isEqualTo(i + 1L);
      assertThat(committed.get(i).getParentVersion()).isEqualTo((long) i);
    }
    long trainable = labels.stream().filter(e -> !EVERY_FIFTH.heldBack(e.transactionId)).count();
    ModelUpdate last = committed.get(committed.size() - 1);
    assertThat(last.getTrainedExamples())
        .as("every label not held back trained on exactly once")
        .isEqualTo(trainable);
    assertThat(last.getTrainedThrough()).isEqualTo(1_000 + labels.size() - 1);
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          Integer, TrainingExample, ModelControl, ModelUpdate>
      harness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new TrainerFunction(Examples.MODEL, SETTINGS, "test")),
        example -> 0,
        control -> 0,
        Types.INT);
  }
}
