package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupExchangeTest {

  private static final int F = TestData.SMALL.featureDim();
  private static final List<ScoringInput> PROBE = TestData.batch(new Random(21), F, 16, 12);

  /** A model trained a few steps, so its weights differ from a fresh model's in every group. */
  private static FraudModel trained;

  @BeforeAll
  static void train() {
    trained = FraudModel.create(TestData.SMALL);
    Random random = new Random(22);
    try (OnlineTrainer trainer = new OnlineTrainer(trained, ParameterGroups.ALL, 0.01f, 2f)) {
      for (int step = 0; step < 5; step++) {
        List<ScoringInput> batch = TestData.batch(random, F, 32, 12);
        trainer.step(batch, TestData.plantedLabels(batch));
      }
    }
  }

  @AfterAll
  static void close() {
    trained.close();
  }

  @Test
  void importingEveryGroupReproducesTheScores() {
    try (FraudModel fresh = FraudModel.create(TestData.SMALL)) {
      assertThat(fresh.score(PROBE)).isNotEqualTo(trained.score(PROBE));

      fresh.importGroup(ParameterGroups.HEAD, trained.exportGroup(ParameterGroups.HEAD));
      assertThat(fresh.exportGroup(ParameterGroups.HEAD))
          .isEqualTo(trained.exportGroup(ParameterGroups.HEAD));
      assertThat(fresh.exportGroup(ParameterGroups.GATE))
          .isNotEqualTo(trained.exportGroup(ParameterGroups.GATE));

      for (String group : fresh.groups()) {
        fresh.importGroup(group, trained.exportGroup(group));
      }
      assertThat(fresh.score(PROBE)).containsExactly(trained.score(PROBE));
    }
  }

  @Test
  void importedWeightsStillTrain() {
    try (FraudModel fresh = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(fresh, ParameterGroups.ALL, 0.01f, 1f)) {
      fresh.importGroup(ParameterGroups.HEAD, trained.exportGroup(ParameterGroups.HEAD));
      byte[] before = fresh.exportGroup(ParameterGroups.HEAD);
      trainer.step(PROBE, TestData.plantedLabels(PROBE));
      assertThat(fresh.exportGroup(ParameterGroups.HEAD)).isNotEqualTo(before);
    }
  }

  @Test
  void rejectsBadPayloadsAndKeepsWeights() {
    try (FraudModel target = FraudModel.create(TestData.SMALL)) {
      float[] before = target.score(PROBE);
      byte[] head = trained.exportGroup(ParameterGroups.HEAD);

      byte[] garbage = new byte[head.length];
      new Random(23).nextBytes(garbage);
      assertRejected(target, ParameterGroups.HEAD, garbage, "payload");
      assertRejected(target, "nope", head, "unknown parameter group");
      assertRejected(target, ParameterGroups.HEAD, null, "null");
      assertRejected(target, ParameterGroups.HEAD, new byte[0], "payload");
      assertRejected(target, ParameterGroups.HEAD, Arrays.copyOf(head, head.length - 7), "payload");
      assertRejected(target, ParameterGroups.GATE, head, "'head'");
      assertRejected(target, ParameterGroups.HEAD, withTrailingByte(head), "body length");
      assertRejected(target, ParameterGroups.HEAD, withFlippedBit(head), "checksum mismatch");
      assertRejected(target, ParameterGroups.HEAD, headWithNaN(), "non-finite");
      assertRejected(target, ParameterGroups.HEAD, headOfOtherShape(), "shape mismatch");

      assertThat(target.score(PROBE)).containsExactly(before);
    }
  }

  private static void assertRejected(
      FraudModel target, String group, byte[] payload, String message) {
    assertThatThrownBy(() -> target.importGroup(group, payload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  /**
   * The lowest bit of the last byte flipped: inside the last weight's float, so the value stays
   * finite and the shapes intact — only the checksum can tell.
   */
  private static byte[] withFlippedBit(byte[] payload) {
    byte[] corrupt = payload.clone();
    corrupt[corrupt.length - 1] ^= 1;
    return corrupt;
  }

  private static byte[] withTrailingByte(byte[] payload) {
    return Arrays.copyOf(payload, payload.length + 1);
  }

  /** A well-formed head payload whose last bias is NaN. */
  private static byte[] headWithNaN() {
    try (FraudModel poisoned = FraudModel.create(TestData.SMALL)) {
      List<Parameter> params = poisoned.parameters(ParameterGroups.HEAD);
      List<float[]> values = new ArrayList<>();
      for (Parameter p : params) {
        values.add(ParameterValues.read(p));
      }
      values.get(values.size() - 1)[0] = Float.NaN;
      poisoned.writeParameters(params, values);
      return poisoned.exportGroup(ParameterGroups.HEAD);
    }
  }

  /** A well-formed head payload from a model with a different hidden width. */
  private static byte[] headOfOtherShape() {
    ModelConfig c = TestData.SMALL;
    ModelConfig wider = c.withWidths(c.modelDim(), c.heads(), 48);
    try (FraudModel other = FraudModel.create(wider)) {
      return other.exportGroup(ParameterGroups.HEAD);
    }
  }
}
