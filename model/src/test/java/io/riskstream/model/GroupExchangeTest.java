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
    trained = TestData.trained(22);
  }

  @AfterAll
  static void close() {
    trained.close();
  }

  @Test
  void importingEveryGroupReproducesTheScores() {
    try (FraudModel fresh = FraudModel.create(TestData.SMALL)) {
      assertThat(fresh.score(PROBE)).isNotEqualTo(trained.score(PROBE));

      fresh.importGroup(ParameterGroups.HEAD, TestData.export(trained, ParameterGroups.HEAD));
      assertThat(TestData.export(fresh, ParameterGroups.HEAD))
          .isEqualTo(TestData.export(trained, ParameterGroups.HEAD));
      assertThat(TestData.export(fresh, ParameterGroups.GATE))
          .isNotEqualTo(TestData.export(trained, ParameterGroups.GATE));

      for (String group : fresh.groups()) {
        fresh.importGroup(group, TestData.export(trained, group));
      }
      assertThat(fresh.score(PROBE)).containsExactly(trained.score(PROBE));
    }
  }

  @Test
  void importedWeightsStillTrain() {
    try (FraudModel fresh = FraudModel.create(TestData.SMALL);
        OnlineTrainer trainer = new OnlineTrainer(fresh, TestData.GROUPS, 0.01f, 1f)) {
      fresh.importGroup(ParameterGroups.HEAD, TestData.export(trained, ParameterGroups.HEAD));
      byte[] before = TestData.export(fresh, ParameterGroups.HEAD);
      trainer.step(PROBE, TestData.plantedLabels(PROBE));
      assertThat(TestData.export(fresh, ParameterGroups.HEAD)).isNotEqualTo(before);
    }
  }

  @Test
  void rejectsBadPayloadsAndKeepsWeights() {
    try (FraudModel target = FraudModel.create(TestData.SMALL)) {
      float[] before = target.score(PROBE);
      byte[] head = TestData.export(trained, ParameterGroups.HEAD);

      byte[] garbage = new byte[head.length];
      new Random(23).nextBytes(garbage);
      assertRejected(target, ParameterGroups.HEAD, garbage, "payload");
      assertRejected(target, "nope", head, "unknown parameter group");
      assertRejected(target, ParameterGroups.HEAD, null, "null");
      assertRejected(target, ParameterGroups.HEAD, new byte[0], "payload");
      assertRejected(target, ParameterGroups.HEAD, Arrays.copyOf(head, head.length - 7), "payload");
      assertRejected(target, ParameterGroups.GATE, head, "'head'");
      assertRejected(target, ParameterGroups.HEAD, withTrailingByte(head), "checksum mismatch");
      assertRejected(target, ParameterGroups.HEAD, withFlippedBit(head), "checksum mismatch");
      assertRejected(target, ParameterGroups.HEAD, headWithNaN(), "non-finite");
      assertRejected(target, ParameterGroups.HEAD, headOfOtherShape(), "shape mismatch");

      assertRejected(target, ParameterGroups.HEAD, withFormat(head, (byte) 2), "format 2");
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

  /** The format byte changed and the checksum recomputed, as an older writer would produce. */
  private static byte[] withFormat(byte[] payload, byte format) {
    byte[] other = payload.clone();
    other[4] = format;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(other, 0, other.length - 8);
    java.nio.ByteBuffer.wrap(other, other.length - 8, 8).putLong(crc.getValue());
    return other;
  }

  @Test
  void payloadsNameTheirModelVersionAndGroup() {
    byte[] head = trained.exportGroup(ParameterGroups.HEAD, "fraud-v", 42);
    try (FraudModel fresh = FraudModel.create(TestData.SMALL)) {
      assertThat(fresh.importGroup(ParameterGroups.HEAD, head))
          .isEqualTo(new PayloadHeader("fraud-v", 42, ParameterGroups.HEAD));
      for (String group : fresh.groups()) {
        assertThat(fresh.importGroup(group, TestData.export(trained, group)).group())
            .isEqualTo(group);
      }
    }
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
      return TestData.export(poisoned, ParameterGroups.HEAD);
    }
  }

  /** A well-formed head payload from a model with a different hidden width. */
  private static byte[] headOfOtherShape() {
    ModelConfig c = TestData.SMALL;
    ModelConfig wider = c.withWidths(c.modelDim(), c.heads(), 48);
    try (FraudModel other = FraudModel.create(wider)) {
      return TestData.export(other, ParameterGroups.HEAD);
    }
  }
}
