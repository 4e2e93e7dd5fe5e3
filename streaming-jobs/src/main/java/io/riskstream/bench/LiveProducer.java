package io.riskstream.bench;

import io.riskstream.generator.RateLimiter;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends transactions to {@code transactions} at a rate that can change while it runs, each stamped
 * with the wall clock as its event time the moment it is sent, so an output's arrival minus its
 * event time is the platform's latency (producer, broker, job, broker, consumer). Counts what it
 * sent inside a measurement {@link Window}, and sends a {@link #burst} as fast as it can on request
 * (a backlog for measuring how fast a job drains it).
 */
final class LiveProducer implements AutoCloseable {
  private final String bootstrap;
  private final LongFunction<Transaction> source;
  private final Thread thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong burst = new AtomicLong();
  private volatile double perSecond;
  private volatile Window window = new Window(Long.MAX_VALUE, Long.MAX_VALUE);
  private volatile boolean stopped;
  private volatile Exception failure;

  /**
   * @param source the next transaction, stamped with the epoch milliseconds it is given; called
   *     from the producer's thread only
   */
  LiveProducer(String bootstrap, LongFunction<Transaction> source, double perSecond) {
    this.bootstrap = bootstrap;
    this.source = source;
    this.perSecond = perSecond;
    this.thread = new Thread(this::produce, "bench-live-producer");
    this.thread.setDaemon(true);
  }

  /**
   * A producer that cycles through {@code pool}, restamping each transaction, with a fresh id when
   * the run outlasts the pool.
   */
  static LiveProducer cycling(String bootstrap, List<Transaction> pool, double perSecond) {
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("no transactions for the live phase");
    }
    long[] next = {0};
    return new LiveProducer(
        bootstrap,
        now -> {
          long n = next[0]++;
          Transaction original = pool.get((int) (n % pool.size()));
          long round = n / pool.size();
          return Transaction.newBuilder(original)
              .setTransactionId(
                  round == 0
                      ? original.getTransactionId()
                      : original.getTransactionId() + "#" + round)
              .setEventTime(now)
              .build();
        },
        perSecond);
  }

  void start() {
    thread.start();
  }

  /** From now on, sends {@code value} transactions per second (0 pauses). */
  void rate(double value) {
    perSecond = value;
  }

  /** Transactions stamped in [from, until) from now on are counted by the returned window. */
  Window window(long fromMillis, long untilMillis) {
    Window measured = new Window(fromMillis, untilMillis);
    window = measured;
    return measured;
  }

  /** Sends {@code count} transactions as fast as it can, on top of the rate. */
  void burst(long count) {
    burst.addAndGet(count);
  }

  /** Transactions sent so far (handed to the Kafka producer). */
  long sent() {
    return sent.get();
  }

  /** Rethrows what stopped the producer's thread, if anything did. */
  void check() throws Exception {
    if (failure != null) {
      throw failure;
    }
  }

  private void produce() {
    AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      RateLimiter limiter = null;
      double limited = 0;
      while (!stopped) {
        double rate = perSecond;
        if (rate != limited) {
          // A new rate starts a new schedule: nothing is owed from the old one.
          limiter = rate > 0 ? new RateLimiter(rate, System.nanoTime()) : null;
          limited = rate;
        }
        long due = burst.getAndSet(0) + (limiter == null ? 0 : limiter.permits(System.nanoTime()));
        for (; due > 0 && !stopped; due--) {
          Transaction txn = source.apply(System.currentTimeMillis());
          producer.send(
              new ProducerRecord<>(
                  Topic.TRANSACTIONS.topicName(),
                  txn.getCardId().getBytes(StandardCharsets.UTF_8),
                  codec.encode(txn)));
          sent.incrementAndGet();
          window.count(txn.getEventTime());
        }
        Thread.sleep(1);
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    thread.join(30_000);
    check();
  }

  /** A measurement window: counts the transactions stamped in [from, until). */
  static final class Window {
    private final long fromMillis;
    private final long untilMillis;
    private final AtomicLong sent = new AtomicLong();

    private Window(long fromMillis, long untilMillis) {
      this.fromMillis = fromMillis;
      this.untilMillis = untilMillis;
    }

    long fromMillis() {
      return fromMillis;
    }

    long untilMillis() {
      return untilMillis;
    }

    boolean contains(long eventTime) {
      return eventTime >= fromMillis && eventTime < untilMillis;
    }

    /** Transactions sent with an event time in the window. */
    long sent() {
      return sent.get();
    }

    private void count(long eventTime) {
      if (contains(eventTime)) {
        sent.incrementAndGet();
      }
    }
  }
}
