package io.riskstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private final AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);

  static Transaction txn() {
    return Transaction.newBuilder()
        .setTransactionId("tx-1")
        .setCardId("c-1")
        .setTerminalId("t-1")
        .setAmount(42.5)
        .setEventTime(1_700_000_000_000L)
        .build();
  }

  @Test
  void roundTripsInSingleObjectEncoding() {
    byte[] bytes = codec.encode(txn());

    // C3 01 marker, then the 8-byte fingerprint of the writer schema: decodable with the .avsc
    // alone.
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(codec.decode(bytes)).isEqualTo(txn());
  }

  @Test
  void encodesTheSameBytesAsAvrosSchemaWalkingWriter() throws Exception {
    FeatureSnapshot snapshot =
        FeatureSnapshot.newBuilder()
            .setTransactionId("tx-1")
            .setCardId("c-1")
            .setEventTime(1_700_000_000_000L)
            .setFeatureLayout("layout")
            .setFeatures(List.of(1.5f, -0f, Float.NaN))
            .setHistory(List.of(List.of(), List.of(0.25f, 3e30f)))
            .setModelVersion(7)
            .setScore(0.125)
            .setCategories(List.of(3, 0, -1))
            .build();
    ReasonCodes reasons =
        ReasonCodes.newBuilder()
            .setAttendedTransactions(
                List.of(
                    AttendedTransaction.newBuilder().setTransactionId(null).setWeight(0.5f).build(),
                    AttendedTransaction.newBuilder()
                        .setTransactionId("tx-0")
                        .setWeight(0.25f)
                        .build()))
            .setFeatureContributions(
                List.of(
                    FeatureContribution.newBuilder()
                        .setFeature("amount")
                        .setContribution(-2f)
                        .build()))
            .setExpert(2)
            .build();
    Score flagged =
        Score.newBuilder()
            .setTransactionId("tx-1")
            .setCardId("c-1")
            .setEventTime(1L)
            .setScore(0.9)
            .setDecision(Decision.REVIEW)
            .setReasons(reasons)
            .setModelVersion(7)
            .setModelTrainedThrough(2L)
            .setScoredAt(3L)
            .build();
    Score approved = Score.newBuilder(flagged).setReasons(null).build();

    assertSameBytes(FeatureSnapshot.class, snapshot);
    assertSameBytes(Score.class, flagged);
    assertSameBytes(Score.class, approved);
    assertSameBytes(Transaction.class, txn());
  }

  private static <T extends SpecificRecordBase> void assertSameBytes(Class<T> type, T record)
      throws Exception {
    BinaryMessageEncoder<T> reference =
        new BinaryMessageEncoder<>(SpecificData.get(), SpecificData.get().getSchema(type));
    var expected = reference.encode(record);
    byte[] bytes = new byte[expected.remaining()];
    expected.get(bytes);

    AvroCodec<T> codec = AvroCodec.of(type);
    assertThat(codec.encode(record)).isEqualTo(bytes);
    assertThat(codec.decode(bytes).toString()).isEqualTo(record.toString());
  }

  @Test
  void rejectsBytesThatAreNotSingleObjectEncoded() {
    assertThatThrownBy(() -> codec.decode("hello world".getBytes()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("bad header");
  }

  @Test
  void rejectsAnUnknownFingerprint() {
    byte[] label = AvroCodec.of(Label.class).encode(LabelFixtures.label());

    assertThatThrownBy(() -> codec.decode(label))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("unknown schema fingerprint");
  }

  @Test
  void rejectsATruncatedBody() {
    byte[] bytes = codec.encode(txn());

    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 6)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("corrupt Transaction body");
  }

  @Test
  void rejectsABodyThatClaimsAHugeStringWithoutAllocatingIt() {
    // The header of a real Transaction, then a transactionId whose length prefix says 1 GB: a
    // decoder that believed it would allocate the gigabyte (an OutOfMemoryError fails the task).
    byte[] header = Arrays.copyOf(codec.encode(txn()), 10);
    byte[] body = zigzagVarint(1_000_000_000L);
    byte[] bytes = Arrays.copyOf(header, header.length + body.length + 3);
    System.arraycopy(body, 0, bytes, header.length, body.length);

    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("corrupt Transaction body");
  }

  @Test
  void rejectsEveryTruncationOfAGoodRecord() {
    byte[] bytes = codec.encode(txn());
    for (int length = 1; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(InvalidRecordException.class);
    }
  }

  private static byte[] zigzagVarint(long value) {
    long n = (value << 1) ^ (value >> 63);
    byte[] out = new byte[10];
    int i = 0;
    while ((n & ~0x7FL) != 0) {
      out[i++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    out[i++] = (byte) n;
    return Arrays.copyOf(out, i);
  }

  @Test
  void rejectsEmptyValues() {
    assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
  }

  @Test
  void eachTopicNamesItsRecordType() {
    assertThat(Topic.byName("model-updates").recordType()).isEqualTo(ModelUpdate.class);
    assertThatThrownBy(() -> Topic.byName("nope")).hasMessageContaining("unknown topic 'nope'");
  }
}
