package io.riskstream.demo;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.InvalidRecordException;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Watches what the platform publishes, as any downstream consumer would: committed scores and model
 * updates read back from Kafka. It records when the first score and the first score of a trained
 * (non-initial) model were seen.
 */
public final class ProgressMonitor implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final AvroCodec<Score> scores = AvroCodec.of(Score.class);
  private final AvroCodec<ModelUpdate> updates = AvroCodec.of(ModelUpdate.class);

  private final AtomicLong scoreCount = new AtomicLong();
  private volatile long scoredVersion;
  private volatile long publishedVersion;
  private volatile long trainedExamples;
  private volatile long firstScoreNanos;
  private volatile long firstTrainedScoreNanos;
  private volatile boolean running = true;

  private ProgressMonitor(String bootstrapServers) {
    consumer = KafkaClients.readCommittedConsumer(bootstrapServers);
    consumer.subscribe(List.of(Topic.SCORES.topicName(), Topic.MODEL_UPDATES.topicName()));
    thread = new Thread(this::run, "riskstream-progress");
    thread.setDaemon(true);
  }

  public static ProgressMonitor start(String bootstrapServers) {
    ProgressMonitor monitor = new ProgressMonitor(bootstrapServers);
    monitor.thread.start();
    return monitor;
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          try {
            if (record.topic().equals(Topic.SCORES.topicName())) {
              onScore(scores.decode(record.value()));
            } else {
              onUpdate(updates.decode(record.value()));
            }
          } catch (InvalidRecordException e) {
            // Not ours to judge: the jobs dead-letter bad input; the monitor only counts.
          }
        }
      }
    } catch (WakeupException e) {
      // close() was called
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void onScore(Score score) {
    long now = System.nanoTime();
    if (scoreCount.getAndIncrement() == 0) {
      firstScoreNanos = now;
    }
    scoredVersion = Math.max(scoredVersion, score.getModelVersion());
    if (score.getModelVersion() > 0 && firstTrainedScoreNanos == 0) {
      firstTrainedScoreNanos = now;
    }
  }

  private void onUpdate(ModelUpdate update) {
    publishedVersion = Math.max(publishedVersion, update.getVersion());
    trainedExamples = Math.max(trainedExamples, update.getTrainedExamples());
  }

  public long scores() {
    return scoreCount.get();
  }

  /** The newest model version seen on a score. */
  public long scoredVersion() {
    return scoredVersion;
  }

  /** The newest model version published on model-updates. */
  public long publishedVersion() {
    return publishedVersion;
  }

  /** Labels the learner has joined and trained on, as its newest update reports. */
  public long trainedExamples() {
    return trainedExamples;
  }

  /** {@link System#nanoTime()} of the first score, or 0. */
  public long firstScoreNanos() {
    return firstScoreNanos;
  }

  /** {@link System#nanoTime()} of the first score made by a trained model, or 0. */
  public long firstTrainedScoreNanos() {
    return firstTrainedScoreNanos;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
