package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedDeadLettersTest {
  /** Kafka's default producer max.request.size and about the broker's message.max.bytes. */
  private static final int KAFKA_DEFAULT_LIMIT = 1024 * 1024;

  private final AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);

  @Test
  void keepsASmallRecordWholeAndTheReasonAsItIs() {
    byte[] payload = {1, 2, 3};

    DeadLetter letter = BoundedDeadLetters.of("transactions", 1, 42, "bad header", payload, "job");

    assertThat(letter.getReason()).isEqualTo("bad header");
    assertThat(letter.getPayload().array()).isEqualTo(payload);
    assertThat(letter.getPartition()).isEqualTo(1);
    assertThat(letter.getOffset()).isEqualTo(42);
  }

  @Test
  void truncatesAPayloadTooLargeForTheDeadLetterTopicAndSaysSo() {
    byte[] huge = new byte[5_000_000];
    new Random(1).nextBytes(huge);

    DeadLetter letter = BoundedDeadLetters.of("transactions", 0, 7, "bad header", huge, "job");

    assertThat(letter.getReason())
        .isEqualTo(
            "bad header; payload truncated to its first 65536 of 5000000 bytes"
                + " (whole at the source offset)");
    assertThat(letter.getPayload().array())
        .isEqualTo(Arrays.copyOf(huge, BoundedDeadLetters.MAX_PAYLOAD_BYTES));
    assertThat(codec.encode(letter).length).isLessThan(KAFKA_DEFAULT_LIMIT / 8);
  }

  @Test
  void cutsAHugeReasonAndFillsAMissingOne() {
    String longReason = "r".repeat(50_000);

    assertThat(BoundedDeadLetters.of("labels", 0, 1, longReason, null, "job").getReason())
        .hasSize(BoundedDeadLetters.MAX_REASON_CHARS + 3);
    DeadLetter noReason = BoundedDeadLetters.of("labels", 0, 1, null, null, "job");
    assertThat(noReason.getReason()).isEqualTo("rejected (no reason given)");
    assertThat(noReason.getPayload().remaining()).isZero();
  }
}
