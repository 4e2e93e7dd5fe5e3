package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class RowDeltaTest {

  private static final String E = ParameterGroups.EMBEDDINGS;

  @Test
  void aDeltaOfTheChangedRowsBringsACopyToTheTrainedWeightsExactly() {
    // The production shape (4096 x 32 table), so the sizes below are the real ones.
    ModelConfig config = ModelConfig.defaults(6);
    Random random = new Random(31);
    try (FraudModel trained = FraudModel.create(config);
        FraudModel copy = FraudModel.create(config);
        OnlineTrainer trainer =
            new OnlineTrainer(
                trained, TrainingPlan.parse("embeddings=adagrad(lr=0.05);head=ftrl"))) {
      List<ScoringInput> batch = TestData.batch(random, 6, 64, 12);
      trainer.step(batch, TestData.plantedLabels(batch));
      int[] rows = trainer.lastChangedRows();
      assertThat(TestData.export(copy, E)).isNotEqualTo(TestData.export(trained, E));

      byte[] delta = trained.exportRowDelta(E, rows, "test-model", 1, 0);
      byte[] full = TestData.export(trained, E);
      PayloadHeader header = copy.importGroup(E, delta);

      assertThat(header).isEqualTo(PayloadHeader.delta("test-model", 1, E, 0));
      assertThat(header.delta()).isTrue();
      assertThat(header.baseVersion()).isZero();
      assertThat(TestData.export(copy, E)).isEqualTo(full);
      System.out.printf(
          "embeddings payload: full %d bytes, delta of %d rows %d bytes%n",
          full.length, rows.length, delta.length);
      assertThat(delta.length).isLessThan(full.length / 10);
    }
  }

  @Test
  void fullPayloadsKeepTheirFormatAndHeader() {
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      byte[] full = TestData.export(model, E);
      assertThat(full[4]).isEqualTo((byte) 3);
      PayloadHeader header = model.importGroup(E, full);
      assertThat(header.delta()).isFalse();
      assertThat(header.baseVersion()).isEqualTo(PayloadHeader.NO_BASE);
      byte[] delta = model.exportRowDelta(E, new int[] {3}, "test-model", 2, 1);
      assertThat(delta[4]).isEqualTo((byte) 4);
    }
  }

  @Test
  void aDeltaOfAGroupWithoutTableHoldsItWhole() {
    try (FraudModel trained = TestData.trained(32);
        FraudModel fresh = FraudModel.create(TestData.SMALL)) {
      String head = ParameterGroups.HEAD;
      fresh.importGroup(head, trained.exportRowDelta(head, new int[0], "test-model", 1, 0));
      assertThat(TestData.export(fresh, head)).isEqualTo(TestData.export(trained, head));
      assertThatThrownBy(() -> trained.exportRowDelta(head, new int[] {1}, "m", 1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no embedding table");
    }
  }

  @Test
  void rejectsBadDeltasAndKeepsWeights() {
    try (FraudModel trained = TestData.trained(33);
        FraudModel target = FraudModel.create(TestData.SMALL)) {
      byte[] before = TestData.export(target, E);
      byte[] delta = trained.exportRowDelta(E, new int[] {5}, "test-model", 2, 1);

      assertRejected(target, E, withRow(delta, 5, 64), "row 64 of parameter table is out of range");
      assertRejected(target, E, withRow(delta, 5, -1), "out of range");
      byte[] flipped = delta.clone();
      flipped[flipped.length / 2] ^= 1;
      assertRejected(target, E, flipped, "checksum mismatch");
      assertRejected(target, ParameterGroups.GATE, delta, "'embeddings'");
      try (FraudModel other = FraudModel.create(TestData.SMALL.withCategories(2, 128))) {
        byte[] otherShape = other.exportRowDelta(E, new int[] {5}, "test-model", 2, 1);
        assertRejected(target, E, otherShape, "shape mismatch");
      }
      assertThat(TestData.export(target, E)).isEqualTo(before);

      assertThatThrownBy(() -> trained.exportRowDelta(E, new int[] {64}, "m", 2, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("row 64 is outside the embedding table");
    }
  }

  private static void assertRejected(FraudModel model, String group, byte[] payload, String why) {
    assertThatThrownBy(() -> model.importGroup(group, payload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** The delta with its single row index {@code from} replaced by {@code to}, checksum redone. */
  private static byte[] withRow(byte[] delta, int from, int to) {
    byte[] pattern = ByteBuffer.allocate(9).put((byte) 1).putInt(1).putInt(from).array();
    byte[] copy = delta.clone();
    int at = indexOf(copy, pattern);
    assertThat(at).isPositive();
    ByteBuffer.wrap(copy).putInt(at + 5, to);
    CRC32 crc = new CRC32();
    crc.update(copy, 0, copy.length - Long.BYTES);
    ByteBuffer.wrap(copy).putLong(copy.length - Long.BYTES, crc.getValue());
    return copy;
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
