package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnmatchedLabelsTest {

  @Test
  void theDeadLetterNamesTheTransactionAndCarriesTheLabel() {
    Label label = new Label("tx-9", "card-1", true, 1_000L, "chargeback");

    DeadLetter letter = new UnmatchedLabels("learner", Duration.ofMinutes(10)).map(label);

    assertThat(letter.getSourceTopic()).isEqualTo("labels");
    assertThat(letter.getReason())
        .startsWith("label of transaction tx-9 found no scored snapshot within 10 min");
    ByteBuffer payload = letter.getPayload();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    assertThat(AvroCodec.of(Label.class).decode(bytes)).isEqualTo(label);
  }
}
