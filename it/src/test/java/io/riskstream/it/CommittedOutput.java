package io.riskstream.it;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * What a downstream system sees: the platform's output topics read from the beginning by one
 * read_committed consumer in the background, each record stamped with the wall-clock time it was
 * read. It keeps reading across a broker restart (the client reconnects to the same address).
 */
final class CommittedOutput implements AutoCloseable {
  /** A committed score and when it became visible. */
  record Seen(Score score, long readAtMillis) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroCodec<Score> scores = AvroCodec.of(Score.class);
  private final AvroCodec<ModelUpdate> updates = AvroCodec.of(ModelUpdate.class);
  private final AvroCodec<ModelEvent> events = AvroCodec.of(ModelEvent.class);
  private final AvroCodec<DeadLetter> deadLetters = AvroCodec.of(DeadLetter.class);
  private final List<Seen> seenScores = new ArrayList<>();
  private final List<ModelUpdate> seenUpdates = new ArrayList<>();
  private final List<ModelEvent> seenEvents = new ArrayList<>();
  private final List<DeadLetter> seenDeadLetters = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  CommittedOutput(String bootstrapServers) {
    consumer = KafkaClients.readCommittedConsumer(bootstrapServers);
    consumer.subscribe(
        List.of(
            Topic.SCORES.topicName(),
            Topic.MODEL_UPDATES.topicName(),
            Topic.MODEL_EVENTS.topicName(),
            Topic.DEAD_LETTERS.topicName()));
    thread = new Thread(this::run, "committed-output");
    thread.start();
  }

  synchronized List<Seen> scores() {
    return List.copyOf(seenScores);
  }

  synchronized List<ModelUpdate> updates() {
    return List.copyOf(seenUpdates);
  }

  synchronized List<ModelEvent> events() {
    return List.copyOf(seenEvents);
  }

  synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(seenDeadLetters);
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        long now = System.currentTimeMillis();
        synchronized (this) {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            add(record, now);
          }
        }
      }
    } catch (WakeupException closing) {
      // close() woke the poll.
    } finally {
      consumer.close();
    }
  }

  private void add(ConsumerRecord<byte[], byte[]> record, long now) {
    Topic topic = Topic.byName(record.topic());
    switch (topic) {
      case SCORES -> seenScores.add(new Seen(scores.decode(record.value()), now));
      case MODEL_UPDATES -> seenUpdates.add(updates.decode(record.value()));
      case MODEL_EVENTS -> seenEvents.add(events.decode(record.value()));
      case DEAD_LETTERS -> seenDeadLetters.add(deadLetters.decode(record.value()));
      default -> throw new IllegalStateException("not subscribed to " + topic);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
