package io.riskstream.dashboard;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the platform's topics into a {@link LiveView}, as any consumer of them would: scores with
 * {@code read_committed}, no consumer group (it commits nothing and disturbs no job). Live topics
 * are read from their end; model-events from the beginning, since the version timeline is history.
 * A record that does not decode is counted and skipped: the dashboard must not die of bad data.
 */
final class KafkaFeed implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long DISCOVERY_MILLIS = 5_000;
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final List<Topic> READ =
      List.of(
          Topic.TRANSACTIONS, Topic.SCORES, Topic.LABELS, Topic.MODEL_EVENTS, Topic.DEAD_LETTERS);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LiveView view;
  private final AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
  private final AvroCodec<Score> scores = AvroCodec.of(Score.class);
  private final AvroCodec<Label> labels = AvroCodec.of(Label.class);
  private final AvroCodec<ModelEvent> modelEvents = AvroCodec.of(ModelEvent.class);
  private final AvroCodec<DeadLetter> deadLetters = AvroCodec.of(DeadLetter.class);
  private final Set<TopicPartition> assigned = new HashSet<>();
  private volatile long undecodable;
  private volatile long brokerErrors;
  private volatile boolean closing;

  KafkaFeed(Map<String, String> kafka, LiveView view) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.view = view;
  }

  long undecodable() {
    return undecodable;
  }

  /** Times the broker could not be reached or answered with an error, e.g. while it restarts. */
  long brokerErrors() {
    return brokerErrors;
  }

  @Override
  public void run() {
    long nextDiscovery = 0;
    try {
      while (!closing && !Thread.currentThread().isInterrupted()) {
        try {
          long now = System.currentTimeMillis();
          if (now >= nextDiscovery) {
            discover();
            nextDiscovery = now + DISCOVERY_MILLIS;
          }
          if (assigned.isEmpty()) {
            Thread.sleep(POLL.toMillis());
            continue;
          }
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            apply(record, System.currentTimeMillis());
          }
        } catch (WakeupException | InterruptException e) {
          throw e;
        } catch (KafkaException e) {
          // A broker that is away (a restart, the network) must not end the feed for good: keep
          // the view and ask again, as any long-running consumer does.
          if (brokerErrors++ == 0 || brokerErrors % 60 == 0) {
            LOG.warn("dashboard feed: {} (attempt {}); retrying", e.toString(), brokerErrors);
          }
          Thread.sleep(RETRY.toMillis());
        }
      }
    } catch (WakeupException | InterruptException | InterruptedException e) {
      // closing
    } finally {
      // An interrupted thread cannot close the consumer cleanly: clear the flag, close, restore it.
      boolean interrupted = Thread.interrupted();
      try {
        consumer.close(Duration.ofSeconds(2));
      } catch (InterruptException e) {
        interrupted = true; // the consumer has released what it holds all the same
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Picks up topics and partitions created since the last look (the platform may start later). */
  private void discover() {
    List<TopicPartition> fresh = new ArrayList<>();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
    for (Topic topic : READ) {
      for (PartitionInfo p : existing.getOrDefault(topic.topicName(), List.of())) {
        TopicPartition tp = new TopicPartition(p.topic(), p.partition());
        if (!assigned.contains(tp)) {
          fresh.add(tp);
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    assigned.addAll(fresh);
    consumer.assign(assigned);
    List<TopicPartition> fromEnd = new ArrayList<>();
    List<TopicPartition> fromStart = new ArrayList<>();
    for (TopicPartition tp : fresh) {
      (tp.topic().equals(Topic.MODEL_EVENTS.topicName()) ? fromStart : fromEnd).add(tp);
    }
    consumer.seekToEnd(fromEnd);
    consumer.seekToBeginning(fromStart);
    LOG.info("dashboard reads {} partitions", assigned.size());
  }

  private void apply(ConsumerRecord<byte[], byte[]> record, long now) {
    try {
      switch (Topic.byName(record.topic())) {
        case TRANSACTIONS -> view.onTransaction(transactions.decode(record.value()), now);
        case SCORES -> view.onScore(scores.decode(record.value()), now);
        case LABELS -> view.onLabel(labels.decode(record.value()), now);
        case MODEL_EVENTS -> view.onModelEvent(modelEvents.decode(record.value()));
        case DEAD_LETTERS -> view.onDeadLetter(deadLetters.decode(record.value()), now);
        default -> {}
      }
    } catch (RuntimeException e) {
      // Bad records are the jobs' to dead-letter; here they are only counted.
      undecodable++;
    }
  }

  /** Ends {@link #run()} within a poll or a pause (at most a second), without an interrupt. */
  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
  }
}
