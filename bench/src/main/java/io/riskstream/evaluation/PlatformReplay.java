package io.riskstream.evaluation;

import io.riskstream.generator.RateLimiter;
import io.riskstream.ingest.ColumnMapping;
import io.riskstream.ingest.CsvRow;
import io.riskstream.ingest.TransactionCsvReader;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.model.FraudModel;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Replays historic transactions through the whole platform, as production would see them: a real
 * broker, the scoring job (feature stages, sparse-attention scorer) and the learner job, with each
 * label published only once it is released ({@link ReplayPacer}). Committed scores and feature
 * snapshots are read back like any consumer reads them; the initial model scores every snapshot
 * too, which is the platform with its learner off, on exactly the same features.
 */
public final class PlatformReplay {
  private static final int STATIC_BATCH = 256;

  /**
   * What to replay.
   *
   * @param columns where the files' fields are; empty: each header picks its format
   * @param replayFrom the first event time published: one feature horizon before {@code keepFrom},
   *     so the windows are complete
   * @param keepFrom the first event time whose outcome is kept (the baselines' training history
   *     starts here)
   * @param until event times before this are published
   * @param maxRate transactions per second at most; 0 for as fast as the platform scores
   * @param maxInFlight transactions published but without a committed score, at most
   * @param stall how long the scored frontier may stand still before the replay gives up
   */
  public record Options(
      List<Path> files,
      Optional<ColumnMapping> columns,
      long replayFrom,
      long keepFrom,
      long until,
      Duration labelDelay,
      int partitions,
      double maxRate,
      int maxInFlight,
      Duration stall) {
    public Options {
      files = List.copyOf(files);
    }
  }

  /** The kept transactions in event-time order, and how fast the platform went. */
  public record Outcome(List<Observed> observed, long published, double seconds) {}

  private final Options options;
  private final SavedModel initial;
  private final UnaryOperator<PlatformSettings> tuning;
  private final PrintWriter log;

  private final Object lock = new Object();
  private final ReplayPacer pacer;
  private final Map<String, Observed> kept = new LinkedHashMap<>();
  private long committedScores;
  private volatile boolean reading = true;
  private volatile Throwable readerFailure;
  private volatile long newestVersion;
  private long progressCount = -1;
  private long progressNanos;

  public PlatformReplay(
      Options options,
      SavedModel initial,
      UnaryOperator<PlatformSettings> tuning,
      PrintWriter log) {
    this.options = options;
    this.initial = initial;
    this.tuning = tuning;
    this.log = log;
    this.pacer = new ReplayPacer(options.maxInFlight());
  }

  public Outcome run(Path workDir) throws Exception {
    long start = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      TopicSetup.createAll(bootstrap, options.partitions());
      PlatformSettings settings =
          tuning
              .apply(PlatformSettings.defaults(bootstrap).withParallelism(options.partitions()))
              .withInitialModel(initial);
      try (EmbeddedFlink flink =
          EmbeddedFlink.start(2 * options.partitions(), workDir.resolve("savepoints"))) {
        flink.submit(JobGraphs.scoring(settings, workDir.resolve("checkpoints")));
        flink.submit(JobGraphs.learner(settings, workDir.resolve("checkpoints")));
        Thread reader = new Thread(() -> read(bootstrap), "riskstream-evaluation-reader");
        reader.setDaemon(true);
        reader.start();
        long published;
        try {
          published = publish(bootstrap);
          awaitOutcomes();
        } finally {
          reading = false;
          reader.join(Duration.ofSeconds(30).toMillis());
        }
        log.printf(
            "replay: %,d transactions published, %,d kept, in %.0f s%n",
            published, kept.size(), (System.nanoTime() - start) / 1e9);
        log.flush();
        synchronized (lock) {
          return new Outcome(
              List.copyOf(kept.values()), published, (System.nanoTime() - start) / 1e9);
        }
      }
    }
  }

  /** Publishes the slice in event-time order, each label once the pacer releases it. */
  private long publish(String bootstrap) throws Exception {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    ArrayDeque<Label> unreleased = new ArrayDeque<>();
    RateLimiter limiter =
        options.maxRate() > 0 ? new RateLimiter(options.maxRate(), System.nanoTime()) : null;
    long published = 0;
    int permits = 0;
    long nextReport = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      for (Path file : options.files()) {
        try (TransactionCsvReader reader =
            TransactionCsvReader.open(file, options.labelDelay(), options.columns())) {
          if (!reader.hasLabels()) {
            throw new IllegalArgumentException(
                file + " has no fraud column: evaluation needs labels");
          }
          CsvRow row;
          while ((row = reader.next()) != null) {
            if (!(row instanceof CsvRow.Valid valid)) {
              throw new IllegalArgumentException(file + " " + row);
            }
            Transaction txn = valid.transaction();
            long time = txn.getEventTime();
            if (time < options.replayFrom() || time >= options.until()) {
              continue;
            }
            // Wait for room in flight (and the rate), releasing labels meanwhile.
            while (true) {
              release(unreleased, producer, labels);
              checkProgress();
              if (limiter != null && permits == 0) {
                permits = limiter.permits(System.nanoTime());
              }
              boolean room;
              synchronized (lock) {
                room = pacer.mayPublish();
              }
              if (room && (limiter == null || permits > 0)) {
                break;
              }
              Thread.sleep(1);
            }
            permits = Math.max(0, permits - 1);
            Label label = valid.label().orElseThrow();
            synchronized (lock) {
              pacer.published(txn.getTransactionId(), time);
              if (time >= options.keepFrom()) {
                Observed observed =
                    new Observed(txn.getTransactionId(), txn.getCardId(), time, label.getFraud());
                observed.producedAt = System.currentTimeMillis();
                kept.put(txn.getTransactionId(), observed);
              }
            }
            producer.send(record(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn)));
            unreleased.addLast(label);
            published++;
            if (System.nanoTime() >= nextReport) {
              nextReport = System.nanoTime() + Duration.ofSeconds(15).toNanos();
              report(published, time);
            }
          }
        }
      }
      producer.flush();
      // The rest of the labels are released as the last transactions are scored.
      while (!unreleased.isEmpty()) {
        release(unreleased, producer, labels);
        synchronized (lock) {
          if (pacer.inFlight() == 0) {
            break;
          }
        }
        checkProgress();
        Thread.sleep(5);
      }
    }
    return published;
  }

  /** Sends every label whose release time the scored frontier has passed. */
  private void release(
      ArrayDeque<Label> unreleased,
      KafkaProducer<byte[], byte[]> producer,
      AvroCodec<Label> codec) {
    long frontier;
    synchronized (lock) {
      frontier = pacer.scoredFrontier();
    }
    // One delay for all labels, so release times are in publishing order.
    while (!unreleased.isEmpty() && unreleased.peekFirst().getLabelTime() <= frontier) {
      Label label = unreleased.pollFirst();
      producer.send(record(Topic.LABELS, label.getTransactionId(), codec.encode(label)));
    }
  }

  /** Waits until every kept transaction has its score and snapshot, or the platform stalls. */
  private void awaitOutcomes() throws InterruptedException {
    long lastMissing = -1;
    long since = System.nanoTime();
    while (true) {
      checkProgress();
      long missing;
      synchronized (lock) {
        missing = kept.values().stream().filter(o -> !o.complete()).count();
      }
      if (missing == 0) {
        return;
      }
      if (missing != lastMissing) {
        lastMissing = missing;
        since = System.nanoTime();
      } else if (System.nanoTime() - since > options.stall().toNanos()) {
        throw new IllegalStateException(
            missing + " transactions got no committed score or snapshot within " + options.stall());
      }
      Thread.sleep(200);
    }
  }

  /** Fails when the reader failed, or when no score was committed for {@code stall}. */
  private void checkProgress() {
    if (readerFailure != null) {
      throw new IllegalStateException("reading scores failed: " + readerFailure, readerFailure);
    }
    long count;
    int inFlight;
    synchronized (lock) {
      count = committedScores;
      inFlight = pacer.inFlight();
    }
    long now = System.nanoTime();
    // The first score waits for both jobs to start, restore and warm up, which on a loaded 2-core
    // machine took more than the stall twice (2026-12-02): allow it three.
    Duration limit = count == 0 ? options.stall().multipliedBy(3) : options.stall();
    if (count != progressCount || inFlight == 0) {
      progressCount = count;
      progressNanos = now;
    } else if (now - progressNanos > limit.toNanos()) {
      throw new IllegalStateException(
          "the platform committed no score for "
              + limit
              + " with "
              + inFlight
              + " transactions in flight");
    }
  }

  private void report(long published, long eventTime) {
    long frontier;
    int inFlight;
    long committed;
    synchronized (lock) {
      frontier = pacer.scoredFrontier();
      inFlight = pacer.inFlight();
      committed = committedScores;
    }
    log.printf(
        "replay: published %,d up to %s, %,d scores committed, scored through %s, %,d in flight,"
            + " model v%d%n",
        published,
        Instant.ofEpochMilli(eventTime),
        committed,
        frontier == Long.MIN_VALUE ? "-" : Instant.ofEpochMilli(frontier),
        inFlight,
        newestVersion);
    log.flush();
  }

  /** Reads committed scores and snapshots; the initial model scores the kept snapshots. */
  private void read(String bootstrap) {
    AvroCodec<Score> scores = AvroCodec.of(Score.class);
    AvroCodec<FeatureSnapshot> snapshots = AvroCodec.of(FeatureSnapshot.class);
    List<Observed> waiting = new ArrayList<>();
    List<ScoringInput> inputs = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(bootstrap);
        FraudModel staticModel = initial.toModel()) {
      consumer.subscribe(List.of(Topic.SCORES.topicName(), Topic.FEATURE_SNAPSHOTS.topicName()));
      while (reading) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          if (record.topic().equals(Topic.SCORES.topicName())) {
            onScore(scores.decode(record.value()), now);
          } else {
            FeatureSnapshot snapshot = snapshots.decode(record.value());
            Observed observed;
            synchronized (lock) {
              observed = kept.get(snapshot.getTransactionId().toString());
            }
            if (observed != null && observed.features == null) {
              float[] features = FloatVectors.toArray(snapshot.getFeatures());
              waiting.add(observed);
              inputs.add(
                  new ScoringInput(
                      features,
                      FloatVectors.toArrays(snapshot.getHistory()),
                      snapshot.getCategories().stream().mapToInt(Integer::intValue).toArray()));
              synchronized (lock) {
                observed.features = features;
              }
            }
          }
          if (inputs.size() >= STATIC_BATCH) {
            scoreStatic(staticModel, waiting, inputs);
          }
        }
        if (!inputs.isEmpty()) {
          scoreStatic(staticModel, waiting, inputs);
        }
      }
    } catch (WakeupException e) {
      // stopped
    } catch (Throwable t) {
      readerFailure = t;
    }
  }

  private void onScore(Score score, long now) {
    newestVersion = Math.max(newestVersion, score.getModelVersion());
    String id = score.getTransactionId().toString();
    synchronized (lock) {
      committedScores++;
      pacer.scored(id);
      Observed observed = kept.get(id);
      if (observed != null && !observed.scored) {
        observed.scored = true;
        observed.score = score.getScore();
        observed.challengerScore =
            score.getChallengerScore() == null ? Double.NaN : score.getChallengerScore();
        observed.modelVersion = score.getModelVersion();
        observed.modelTrainedThrough = score.getModelTrainedThrough();
        observed.scoredAt = score.getScoredAt();
        observed.committedAt = now;
      }
    }
  }

  private void scoreStatic(FraudModel model, List<Observed> waiting, List<ScoringInput> inputs) {
    float[] batch = model.score(inputs);
    synchronized (lock) {
      for (int i = 0; i < batch.length; i++) {
        waiting.get(i).staticScore = batch[i];
      }
    }
    waiting.clear();
    inputs.clear();
  }

  private static ProducerRecord<byte[], byte[]> record(Topic topic, String key, byte[] value) {
    return new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value);
  }
}
