package io.riskstream.bench;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Notes when a job's first output record reaches Kafka, seen from outside the job, so throughput
 * can also be given without the job's start-up. It reads from the topic's end at {@link #start},
 * and stops after the first record: it competes for the same two cores as the job under test.
 */
final class OutputWatch implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile long firstOutputNanos = -1;
  private volatile boolean stopped;

  private OutputWatch(String bootstrap, String topic) {
    consumer = BenchConsumers.atEnd(bootstrap, topic);
    thread = new Thread(this::watch, "bench-output-watch-" + topic);
    thread.setDaemon(true);
  }

  /** Starts watching {@code topic} from its current end. */
  static OutputWatch start(String bootstrap, String topic) {
    OutputWatch watch = new OutputWatch(bootstrap, topic);
    watch.thread.start();
    return watch;
  }

  /** When the first record arrived ({@link System#nanoTime()}), or -1 if none has. */
  long firstOutputNanos() {
    return firstOutputNanos;
  }

  private void watch() {
    try {
      while (!stopped) {
        if (!consumer.poll(Duration.ofMillis(20)).isEmpty()) {
          firstOutputNanos = System.nanoTime();
          return;
        }
      }
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(10_000);
  }
}
