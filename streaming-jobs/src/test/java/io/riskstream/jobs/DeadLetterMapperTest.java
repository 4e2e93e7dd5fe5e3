package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.FeatureRecord;
import io.riskstream.learner.RecordedMetrics;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The dead letters a job's own logic writes: unmatched labels and late transactions. */
class DeadLetterMapperTest {
  private static final String DEAD_LETTERS =
      "flink_taskmanager_job_task_operator_riskstream_dead_letters";

  private final RecordedMetrics metrics = new RecordedMetrics();

  @Test
  void anUnmatchedLabelsLetterNamesTheTransactionCarriesTheLabelAndIsCounted() throws Exception {
    Label label = new Label("tx-9", "card-1", true, 1_000L, "chargeback");

    DeadLetter letter = single(map(new UnmatchedLabels("learner", Duration.ofMinutes(10)), label));

    assertThat(letter.getSourceTopic()).isEqualTo("labels");
    assertThat(letter.getJob()).isEqualTo("learner");
    assertThat(letter.getReason())
        .startsWith("label of transaction tx-9 found no scored snapshot within 10 min");
    assertThat(AvroCodec.of(Label.class).decode(bytes(letter.getPayload()))).isEqualTo(label);
    assertThat(metrics.count(DEAD_LETTERS)).isEqualTo(1);
  }

  @Test
  void aLateTransactionIsCountedAsLateAndAsADeadLetter() throws Exception {
    Transaction txn =
        Transaction.newBuilder()
            .setTransactionId("tx-late")
            .setCardId("card-1")
            .setTerminalId("t-1")
            .setAmount(10)
            .setEventTime(5_000)
            .build();

    DeadLetter letter = single(map(new LateTransactions("scoring"), FeatureRecord.of(txn, 3)));

    assertThat(letter.getSourceTopic()).isEqualTo("transactions");
    assertThat(letter.getReason()).startsWith("late: event time 5000");
    assertThat(AvroCodec.of(Transaction.class).decode(bytes(letter.getPayload()))).isEqualTo(txn);
    assertThat(metrics.count("flink_taskmanager_job_task_operator_riskstream_late_transactions"))
        .isEqualTo(1);
    assertThat(metrics.count(DEAD_LETTERS)).isEqualTo(1);
  }

  private <T> List<DeadLetter> map(DeadLetterMapper<T> mapper, T input) throws Exception {
    try (OneInputStreamOperatorTestHarness<T, DeadLetter> harness =
        new OneInputStreamOperatorTestHarness<>(new StreamMap<>(mapper), metrics.environment())) {
      harness.open();
      harness.processElement(input, 0);
      return harness.extractOutputValues();
    }
  }

  private static DeadLetter single(List<DeadLetter> letters) {
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  private static byte[] bytes(ByteBuffer payload) {
    byte[] bytes = new byte[payload.remaining()];
    payload.duplicate().get(bytes);
    return bytes;
  }
}
