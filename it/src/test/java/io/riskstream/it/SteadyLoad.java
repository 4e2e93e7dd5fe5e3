package io.riskstream.it;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Live payments at a steady rate, each labelled a few seconds later, as a payments front end and a
 * chargeback feed would send them. Cards pay at terminals; large payments at terminal term-0 are
 * fraud, so the learner has something to learn. It records what the broker acknowledged, and when
 * it was sent: a record the producer gave up on (it can, across a broker restart) never reached the
 * platform and must not count as one the platform lost. Failed sends are counted.
 */
final class SteadyLoad implements AutoCloseable {
  /** A transaction as sent: its id and the wall-clock time it was handed to the producer. */
  record Sent(String transactionId, long sentAtMillis) {}

  private final KafkaProducer<byte[], byte[]> producer;
  private final int perSecond;
  private final Duration labelDelay;
  private final AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
  private final AvroCodec<Label> labels = AvroCodec.of(Label.class);
  // Filled by the producer's I/O thread: locks of their own, never the sending loop's.
  private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<String> labelled = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Transaction> awaitingLabel = new ArrayDeque<>();
  private final AtomicLong sendFailures = new AtomicLong();
  private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long sequence;

  SteadyLoad(String bootstrapServers, int perSecond, Duration labelDelay) {
    this.producer = KafkaClients.producer(bootstrapServers);
    this.perSecond = perSecond;
    this.labelDelay = labelDelay;
    this.thread = new Thread(this::run, "steady-load");
  }

  SteadyLoad start() {
    thread.start();
    return this;
  }

  /** Stops sending transactions, sends every label still due, and waits for the broker's acks. */
  void finish() throws InterruptedException {
    running = false;
    thread.join();
    synchronized (this) {
      while (!awaitingLabel.isEmpty()) {
        sendLabel(awaitingLabel.poll());
      }
    }
    producer.flush();
  }

  /** The transactions the broker acknowledged. */
  List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  /** The transaction ids whose label the broker acknowledged. */
  List<String> labelled() {
    synchronized (labelled) {
      return List.copyOf(labelled);
    }
  }

  long sendFailures() {
    return sendFailures.get();
  }

  Exception lastFailure() {
    return lastFailure.get();
  }

  private void run() {
    long started = System.nanoTime();
    long due = 0;
    while (running) {
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      long target = elapsedMillis * perSecond / 1000;
      synchronized (this) {
        for (; due < target; due++) {
          sendTransaction(next());
        }
        long labelBefore = System.currentTimeMillis() - labelDelay.toMillis();
        while (!awaitingLabel.isEmpty() && awaitingLabel.peek().getEventTime() <= labelBefore) {
          sendLabel(awaitingLabel.poll());
        }
      }
      sleep(10);
    }
  }

  private Transaction next() {
    long n = sequence++;
    String terminal = "term-" + (n % 20);
    double amount = terminal.equals("term-0") && n % 3 == 0 ? 350 + n % 500 : 10 + n % 90;
    return Transaction.newBuilder()
        .setTransactionId("tx-" + n)
        .setCardId("card-" + (n * 7 % 300))
        .setTerminalId(terminal)
        .setAmount(amount)
        .setEventTime(System.currentTimeMillis())
        .build();
  }

  private void sendTransaction(Transaction txn) {
    Sent record = new Sent(txn.getTransactionId(), System.currentTimeMillis());
    send(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn), () -> sent.add(record));
    awaitingLabel.add(txn);
  }

  private void sendLabel(Transaction txn) {
    boolean fraud = txn.getTerminalId().equals("term-0") && txn.getAmount() >= 350;
    Label label =
        Label.newBuilder()
            .setTransactionId(txn.getTransactionId())
            .setCardId(txn.getCardId())
            .setFraud(fraud)
            .setLabelTime(System.currentTimeMillis())
            .setSource("steady-load")
            .build();
    String id = txn.getTransactionId();
    send(Topic.LABELS, id, labels.encode(label), () -> labelled.add(id));
  }

  private void send(Topic topic, String key, byte[] value, Runnable onAck) {
    Callback callback =
        (metadata, e) -> {
          if (e == null) {
            onAck.run();
          } else {
            sendFailures.incrementAndGet();
            lastFailure.set(e);
          }
        };
    producer.send(
        new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value),
        callback);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    producer.close(Duration.ofSeconds(10));
  }
}
