package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.jobs.kafka.KafkaRecord;
import io.riskstream.learner.RecordedMetrics;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.RecordValidation;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DecodeFunctionTest {
  private final AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);

  @Test
  void passesGoodRecordsAndDeadLettersBadOnesWithTheirBytes() throws Exception {
    Transaction good =
        Transaction.newBuilder()
            .setTransactionId("tx-1")
            .setCardId("c-1")
            .setTerminalId("t-1")
            .setAmount(10)
            .setEventTime(1_700_000_000_000L)
            .build();
    Transaction negative = Transaction.newBuilder(good).setAmount(-1).build();
    byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);

    RecordedMetrics metrics = new RecordedMetrics();
    try (OneInputStreamOperatorTestHarness<KafkaRecord, Transaction> harness =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(
                new DecodeFunction<>("job", Transaction.class, RecordValidation::requireValid)),
            metrics.environment())) {
      harness.open();
      harness.processElement(new KafkaRecord("transactions", 0, 1, codec.encode(good)), 0);
      harness.processElement(new KafkaRecord("transactions", 0, 2, garbage), 0);
      harness.processElement(new KafkaRecord("transactions", 1, 3, codec.encode(negative)), 0);

      assertThat(harness.extractOutputValues()).containsExactly(good);
      assertThat(harness.getSideOutput(DecodeFunction.DEAD_LETTERS))
          .extracting(record -> record.getValue())
          .satisfiesExactly(
              letter -> assertDeadLetter(letter, 2, "bad header", garbage),
              letter -> assertDeadLetter(letter, 3, "amount is negative", codec.encode(negative)));
      assertThat(metrics.count("flink_taskmanager_job_task_operator_riskstream_dead_letters"))
          .isEqualTo(2);
    }
  }

  @Test
  void aRecordTooLargeForTheDeadLetterTopicIsDeadLetteredTruncated() throws Exception {
    // Valid Avro with a 3 MB card id: a producer with a raised max.request.size and compression
    // gets it past the broker's 1 MiB limit; the dead letter must not carry it whole.
    Transaction huge =
        Transaction.newBuilder()
            .setTransactionId("tx-huge")
            .setCardId("c".repeat(3_000_000))
            .setTerminalId("t-1")
            .setAmount(10)
            .setEventTime(1_700_000_000_000L)
            .build();
    byte[] bytes = codec.encode(huge);

    try (OneInputStreamOperatorTestHarness<KafkaRecord, Transaction> harness =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(
                new DecodeFunction<>("job", Transaction.class, RecordValidation::requireValid)),
            new RecordedMetrics().environment())) {
      harness.open();
      harness.processElement(new KafkaRecord("transactions", 0, 9, bytes), 0);

      assertThat(harness.extractOutputValues()).isEmpty();
      DeadLetter letter =
          harness.getSideOutput(DecodeFunction.DEAD_LETTERS).iterator().next().getValue();
      assertThat(letter.getReason())
          .startsWith("cardId is 3000000 characters long, over the limit of 128")
          .contains("payload truncated to its first 65536 of " + bytes.length + " bytes");
      assertThat(letter.getPayload().remaining()).isEqualTo(BoundedDeadLetters.MAX_PAYLOAD_BYTES);
      assertThat(AvroCodec.of(DeadLetter.class).encode(letter).length).isLessThan(100_000);
    }
  }

  private static void assertDeadLetter(
      DeadLetter letter, long offset, String reason, byte[] payload) {
    assertThat(letter.getOffset()).isEqualTo(offset);
    assertThat(letter.getReason()).contains(reason);
    assertThat(letter.getJob()).isEqualTo("job");
    assertThat(letter.getPayload().array()).isEqualTo(payload);
  }
}
