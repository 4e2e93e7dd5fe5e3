package io.riskstream.control;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the model's history from model-events (one partition) as committed: everything up to now,
 * or the first event after a given offset that matches, e.g. the learner's answer to a request.
 */
public final class ModelEventLog implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final TopicPartition PARTITION =
      new TopicPartition(Topic.MODEL_EVENTS.topicName(), 0);
  private static final AvroCodec<ModelEvent> CODEC = AvroCodec.of(ModelEvent.class);

  private final KafkaConsumer<byte[], byte[]> consumer;

  public ModelEventLog(String bootstrapServers) {
    this(bootstrapServers, KafkaProperties.none());
  }

  public ModelEventLog(String bootstrapServers, KafkaProperties client) {
    consumer = KafkaClients.readCommittedConsumer(bootstrapServers, client);
    consumer.assign(List.of(PARTITION));
  }

  /** The offset the next committed event will have. */
  public long end() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(PARTITION));
    return ends.get(PARTITION);
  }

  /** Every committed event of the model, oldest first. */
  public List<ModelEvent> all(String modelId) {
    long end = end();
    consumer.seek(PARTITION, 0);
    List<ModelEvent> events = new ArrayList<>();
    while (consumer.position(PARTITION) < end) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        ModelEvent event = CODEC.decode(record.value());
        if (modelId.equals(event.getModelId())) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /** The first event from {@code offset} on that matches, waiting at most {@code timeout}. */
  public Optional<ModelEvent> await(long offset, Predicate<ModelEvent> match, Duration timeout) {
    consumer.seek(PARTITION, offset);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        ModelEvent event = CODEC.decode(record.value());
        if (match.test(event)) {
          return Optional.of(event);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
