package io.riskstream.generator;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a live system: a background thread sends {@link SyntheticStream} transactions at a steady
 * average rate, stamped with the wall clock, to {@code transactions} (key cardId), and each one's
 * label to {@code labels} (key transactionId) once its delay has passed. Values are Avro
 * single-object encoded.
 *
 * <p>Labels still pending at {@link #close()} are dropped: they were not due yet.
 */
public final class LiveGenerator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveGenerator.class);

  /** Short enough for smooth traffic, long enough not to busy-wait. */
  private static final long TICK_MILLIS = 10;

  private final Supplier<Producer<byte[], byte[]>> producerFactory;
  private final double txnPerSecond;
  private final SyntheticStream stream;
  private final LabelSchedule labels;
  private final AvroCodec<Transaction> transactionCodec = AvroCodec.of(Transaction.class);
  private final AvroCodec<Label> labelCodec = AvroCodec.of(Label.class);
  private final AtomicLong transactionsSent = new AtomicLong();
  private final AtomicLong labelsSent = new AtomicLong();

  private volatile boolean running;
  private volatile Throwable failure;
  private Thread thread;
  private Producer<byte[], byte[]> producer;

  public LiveGenerator(
      String bootstrapServers, double txnPerSecond, Duration labelDelay, long seed) {
    this(() -> KafkaClients.producer(bootstrapServers), txnPerSecond, labelDelay, seed);
  }

  /** For tests: any producer, e.g. Kafka's MockProducer. */
  LiveGenerator(
      Supplier<Producer<byte[], byte[]>> producerFactory,
      double txnPerSecond,
      Duration labelDelay,
      long seed) {
    if (!(txnPerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + txnPerSecond);
    }
    this.producerFactory = producerFactory;
    this.txnPerSecond = txnPerSecond;
    this.stream = new SyntheticStream(seed);
    this.labels = new LabelSchedule(labelDelay);
  }

  /** Starts the sending thread; call once. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    producer = producerFactory.get();
    running = true;
    thread = new Thread(this::run, "riskstream-live-generator");
    thread.setDaemon(true); // never keeps a JVM alive on its own
    thread.start();
  }

  /** Transactions the broker acknowledged. */
  public long transactionsSent() {
    return transactionsSent.get();
  }

  /** Labels the broker acknowledged. */
  public long labelsSent() {
    return labelsSent.get();
  }

  /** What stopped the thread early, or null. */
  public Throwable failure() {
    return failure;
  }

  /** Stops the thread, then flushes and closes the producer. */
  @Override
  public synchronized void close() {
    running = false;
    if (thread == null) {
      return;
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.flush();
    producer.close(Duration.ofSeconds(10));
    thread = null;
  }

  private void run() {
    RateLimiter limiter = new RateLimiter(txnPerSecond, System.nanoTime());
    try {
      while (running) {
        int batch = limiter.permits(System.nanoTime());
        long now = System.currentTimeMillis();
        for (int i = 0; i < batch; i++) {
          GeneratedTransaction generated = stream.next(now);
          sendTransaction(generated.transaction());
          labels.add(generated);
        }
        for (Label label : labels.due(now)) {
          sendLabel(label);
        }
        Thread.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      LOG.error("live generator stopped", e);
    } finally {
      running = false;
    }
  }

  private void sendTransaction(Transaction t) {
    producer.send(
        new ProducerRecord<>(
            Topic.TRANSACTIONS.topicName(), utf8(t.getCardId()), transactionCodec.encode(t)),
        (metadata, error) -> count(transactionsSent, error));
  }

  private void sendLabel(Label label) {
    producer.send(
        new ProducerRecord<>(
            Topic.LABELS.topicName(), utf8(label.getTransactionId()), labelCodec.encode(label)),
        (metadata, error) -> count(labelsSent, error));
  }

  private void count(AtomicLong counter, Exception error) {
    if (error == null) {
      counter.incrementAndGet();
    } else {
      LOG.warn("send failed: {}", error.toString());
    }
  }

  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
