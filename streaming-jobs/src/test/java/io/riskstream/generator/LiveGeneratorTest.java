package io.riskstream.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Runs the sending loop against Kafka's in-memory MockProducer: no broker needed. */
class LiveGeneratorTest {
  @Test
  void sendsEncodedTransactionsAndDelayedLabelsWithTheRightKeys() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer());
    LiveGenerator generator = new LiveGenerator(() -> producer, 500, Duration.ofMillis(200), 9);
    generator.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> generator.labelsSent() >= 50);
    generator.close();

    assertThat(generator.failure()).isNull();
    assertThat(producer.closed()).isTrue();
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    long txCount = 0;
    long labelCount = 0;
    for (ProducerRecord<byte[], byte[]> r : sent) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (r.topic().equals(Topic.TRANSACTIONS.topicName())) {
        txCount++;
        assertThat(transactions.decode(r.value()).getCardId().toString()).isEqualTo(key);
      } else {
        assertThat(r.topic()).isEqualTo(Topic.LABELS.topicName());
        labelCount++;
        Label label = labels.decode(r.value());
        assertThat(label.getTransactionId().toString()).isEqualTo(key);
      }
    }
    assertThat(txCount).isEqualTo(generator.transactionsSent());
    assertThat(labelCount).isEqualTo(generator.labelsSent());
    // Labels lag their transactions by the delay, so fewer of them went out.
    assertThat(labelCount).isLessThan(txCount);
  }
}
