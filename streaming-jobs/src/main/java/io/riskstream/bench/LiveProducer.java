package io.riskstream.bench;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends transactions at a fixed rate, each stamped with the wall clock as its event time the moment
 * it is sent, so the featured output's arrival minus its event time is the platform's latency
 * (producer, broker, job, broker, consumer). Cycles through its pool with fresh ids when the run
 * outlasts it. Counts what it sent inside the measurement window.
 */
final class LiveProducer implements AutoCloseable {
  private final String bootstrap;
  private final List<Transaction> pool;
  private final double perSecond;
  private final Thread thread;
  private final AtomicLong sentInWindow = new AtomicLong();
  private volatile long windowFromMillis = Long.MAX_VALUE;
  private volatile long windowUntilMillis = Long.MAX_VALUE;
  private volatile boolean stopped;
  private volatile Exception failure;

  LiveProducer(String bootstrap, List<Transaction> pool, double perSecond) {
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("no transactions for the live phase");
    }
    this.bootstrap = bootstrap;
    this.pool = pool;
    this.perSecond = perSecond;
    this.thread = new Thread(this::produce, "bench-live-producer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Transactions stamped in [from, until) are the measured ones. */
  void window(long fromMillis, long untilMillis) {
    windowUntilMillis = untilMillis;
    windowFromMillis = fromMillis;
  }

  long sentInWindow() {
    return sentInWindow.get();
  }

  private void produce() {
    AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      long start = System.nanoTime();
      long sent = 0;
      while (!stopped) {
        // Send what is due by now: a sleep per record would cap the rate at the timer resolution.
        long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
        for (; sent < due && !stopped; sent++) {
          Transaction txn = restamped(sent);
          producer.send(
              new ProducerRecord<>(
                  Topic.TRANSACTIONS.topicName(),
                  txn.getCardId().getBytes(StandardCharsets.UTF_8),
                  codec.encode(txn)));
          if (txn.getEventTime() >= windowFromMillis && txn.getEventTime() < windowUntilMillis) {
            sentInWindow.incrementAndGet();
          }
        }
        Thread.sleep(1);
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  private Transaction restamped(long n) {
    Transaction original = pool.get((int) (n % pool.size()));
    long round = n / pool.size();
    return Transaction.newBuilder(original)
        .setTransactionId(
            round == 0 ? original.getTransactionId() : original.getTransactionId() + "#" + round)
        .setEventTime(System.currentTimeMillis())
        .build();
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    thread.join(30_000);
    if (failure != null) {
      throw failure;
    }
  }
}
