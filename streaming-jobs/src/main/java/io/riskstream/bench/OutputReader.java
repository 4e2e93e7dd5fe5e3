package io.riskstream.bench;

import java.time.Duration;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.record.TimestampType;

/**
 * Reads a job's output topic with a read_committed consumer (what the platform's consumers see)
 * from its end at creation, and logs each record's send, append and consumption times.
 */
final class OutputReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ToLongFunction<byte[]> sentAt;
  private final OutputLog log = new OutputLog();

  /**
   * @param sentAt the send time of the transaction an output value is for (its event time)
   */
  OutputReader(String bootstrap, String topic, ToLongFunction<byte[]> sentAt) {
    this.consumer = BenchConsumers.atEnd(bootstrap, topic);
    this.sentAt = sentAt;
  }

  /** Polls once (at most {@code timeout}) and logs what arrived; returns how many records. */
  int poll(Duration timeout) {
    int count = 0;
    var records = consumer.poll(timeout);
    long now = System.currentTimeMillis(); // when they became available here
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
        // With the producer's create time, a job that forwards its input's timestamp would seem
        // to write its output the moment the transaction was sent.
        throw new IllegalStateException(
            record.topic() + " does not stamp records with LogAppendTime");
      }
      log.add(sentAt.applyAsLong(record.value()), record.timestamp(), now);
      count++;
    }
    return count;
  }

  OutputLog log() {
    return log;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
