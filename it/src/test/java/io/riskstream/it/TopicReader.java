package io.riskstream.it;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic from the beginning with a read_committed consumer, as a downstream consumer of the
 * platform would, decoding every record with the topic's codec.
 */
final class TopicReader<T extends SpecificRecordBase> implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroCodec<T> codec;
  private final List<T> records = new ArrayList<>();
  private final List<byte[]> raw = new ArrayList<>();

  TopicReader(String bootstrapServers, Topic topic, Class<T> type) {
    consumer = KafkaClients.readCommittedConsumer(bootstrapServers);
    consumer.subscribe(List.of(topic.topicName()));
    codec = AvroCodec.of(type);
  }

  /** Polls until {@code done} holds for everything read so far, or the timeout passes. */
  List<T> pollUntil(Predicate<List<T>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(records) && System.nanoTime() < deadline) {
      poll();
    }
    return records;
  }

  /** Polls for the whole duration: used to prove that nothing more (e.g. a duplicate) arrives. */
  List<T> pollFor(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      poll();
    }
    return records;
  }

  List<byte[]> rawValues() {
    return raw;
  }

  private void poll() {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      raw.add(record.value());
      records.add(codec.decode(record.value()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
