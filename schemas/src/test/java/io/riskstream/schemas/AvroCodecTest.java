package io.riskstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
  void rejectsEmptyValues() {
    assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
  }

  @Test
  void eachTopicNamesItsRecordType() {
    assertThat(Topic.byName("model-updates").recordType()).isEqualTo(ModelUpdate.class);
    assertThatThrownBy(() -> Topic.byName("nope")).hasMessageContaining("unknown topic 'nope'");
  }
}
