package io.riskstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TailCommandTest {

  @Test
  void printsARecordAsOneJsonLine() {
    AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
    Transaction tx =
        Transaction.newBuilder()
            .setTransactionId("t1")
            .setCardId("c1")
            .setTerminalId("m1")
            .setAmount(12.5)
            .setEventTime(1000L)
            .build();

    String json =
        TailCommand.toJson(
            codec, new ConsumerRecord<>("transactions", 0, 7, null, codec.encode(tx)));

    assertThat(json)
        .doesNotContain("\n")
        .contains("\"transactionId\": \"t1\"", "\"amount\": 12.5", "\"eventTime\": 1000");
  }

  @Test
  void printsBytesAsBase64() {
    AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic("transactions")
            .setPartition(1)
            .setOffset(2)
            .setReason("bad")
            .setPayload(ByteBuffer.wrap("hi!".getBytes(StandardCharsets.UTF_8)))
            .setJob("scorer")
            .setFailedAt(3)
            .build();

    String json =
        TailCommand.toJson(
            codec, new ConsumerRecord<>("dead-letters", 0, 0, null, codec.encode(letter)));

    assertThat(json).contains("\"payload\": \"aGkh\"");
  }

  @Test
  void anUndecodableRecordPrintsItsErrorAndPosition() {
    AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
    byte[] garbage = "not avro \"at all\"".getBytes(StandardCharsets.UTF_8);

    String json =
        TailCommand.toJson(codec, new ConsumerRecord<>("transactions", 2, 41, null, garbage));

    assertThat(json)
        .startsWith("{\"error\": \"not Avro single-object encoding")
        .endsWith("\"partition\": 2, \"offset\": 41}");
  }
}
