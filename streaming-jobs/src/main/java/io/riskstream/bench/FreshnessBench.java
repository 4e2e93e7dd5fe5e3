package io.riskstream.bench;

import io.riskstream.bench.FreshnessAttribution.Decision;
import io.riskstream.bench.FreshnessAttribution.Outcome;
import io.riskstream.bench.FreshnessAttribution.SentLabel;
import io.riskstream.generator.GeneratedTransaction;
import io.riskstream.generator.SyntheticStream;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.learner.GateSettings;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import io.riskstream.scoring.BatchLimits;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.SubtaskStateStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code riskstream bench freshness}: under steady load, the time from a label being produced to
 * the first score made with weights trained on it.
 *
 * <p>One broker and one MiniCluster run the platform's two jobs as the demo does (scoring job and
 * learner job, exactly-once sinks, checkpoints every {@code --checkpoint-interval}). Synthetic
 * transactions go to {@code transactions} at {@code --rate}. The bench reads {@code scores} with a
 * read_committed consumer and labels each scored transaction the moment its score is read, with its
 * true fraud flag and the wall clock as both the label's event time and its produce time. So every
 * label refers to a transaction whose snapshot is already committed (the learner's join never waits
 * for it), the labels arrive at the steady rate of the scores, and the label's event time orders
 * labels as the learner sees them, which the attribution relies on. Labelling after a fixed delay
 * instead would label some transactions before their snapshot is visible and charge that wait to
 * freshness.
 *
 * <p>The same consumer reads {@code model-updates} (when each version became readable: committed by
 * the learner's checkpoint) and {@code model-events} (each candidate, published or rejected, with
 * its trained-through time and batch size), and notes the earliest {@code scoredAt} of every model
 * version on the scores. {@link FreshnessAttribution} then works out, for each label sent in the
 * measurement window ({@code --duration}, after {@code --warm-up} from the first score), the first
 * version trained on it and the first score of that version or a newer one.
 *
 * <p>Transactions are sent at a trickle until the first score appears, so the jobs' start-up does
 * not leave a backlog that the warm-up would have to drain. After the window the load continues
 * until every measured label is resolved (or 30 s), since a label is only scored with by traffic
 * that follows it.
 */
public final class FreshnessBench {
  private static final Duration FIRST_SCORE_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final double STARTUP_RATE = 50;

  /**
   * @param rate transactions per second once scores flow
   * @param warmUp from the first score to the measurement window
   * @param duration the measurement window: labels sent in it are measured
   * @param partitions topic partitions and job parallelism
   * @param checkpointInterval the learner job's checkpoint interval: its exactly-once sink makes a
   *     version visible when a checkpoint completes
   * @param scoringCheckpointInterval the scoring job's: its commits only decide when the bench sees
   *     a score and sends its label, which is before the clock starts
   * @param learnerBatchSize labels per mini-batch
   * @param learnerMaxWait the longest a mini-batch waits after its first label
   * @param scoring the scorer's batch limits
   * @param seed of the synthetic transactions
   */
  public record Options(
      double rate,
      Duration warmUp,
      Duration duration,
      int partitions,
      Duration checkpointInterval,
      Duration scoringCheckpointInterval,
      int learnerBatchSize,
      Duration learnerMaxWait,
      BatchLimits scoring,
      long seed) {

    PlatformSettings settings(String bootstrap) {
      PlatformSettings defaults = PlatformSettings.defaults(bootstrap);
      LearnerSettings l = defaults.learner();
      return defaults
          .withParallelism(partitions)
          .withCheckpointInterval(checkpointInterval)
          .withScoringBatches(scoring)
          .withLearner(l.withCadence(learnerBatchSize, learnerMaxWait));
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "rate=%.0f checkpoint_ms=%d scoring_checkpoint_ms=%d learner_batch=%d learner_max_wait_ms=%d score_batch=%d"
              + " score_max_wait_ms=%d partitions=%d window_s=%d",
          rate,
          checkpointInterval.toMillis(),
          scoringCheckpointInterval.toMillis(),
          learnerBatchSize,
          learnerMaxWait.toMillis(),
          scoring.maxSize(),
          scoring.maxWait().toMillis(),
          partitions,
          duration.toSeconds());
    }
  }

  private final Options options;
  private final PrintWriter log;
  private final FreshnessAttribution attribution = new FreshnessAttribution();
  private final List<SentLabel> allLabels = new ArrayList<>();
  private final List<SentLabel> windowLabels = new ArrayList<>();
  private final AvroCodec<Score> scoreCodec = AvroCodec.of(Score.class);
  private final AvroCodec<ModelUpdate> updateCodec = AvroCodec.of(ModelUpdate.class);
  private final AvroCodec<ModelEvent> eventCodec = AvroCodec.of(ModelEvent.class);
  private final AvroCodec<Label> labelCodec = AvroCodec.of(Label.class);
  private final SyntheticStream stream;

  /** Each sent transaction's fraud flag until the bench labels it. */
  private final Map<String, Boolean> truth = new ConcurrentHashMap<>();

  private long scores;
  private long newestScoredVersion;
  private long newestVisibleVersion;

  private FreshnessBench(Options options, PrintWriter log) {
    this.options = options;
    this.log = log;
    this.stream = new SyntheticStream(options.seed());
  }

  public static FreshnessSummary run(Options options, Path dir, PrintWriter log) throws Exception {
    return new FreshnessBench(options, log).run(dir);
  }

  private FreshnessSummary run(Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      TopicSetup.createAll(bootstrap, options.partitions());
      PlatformSettings settings = options.settings(bootstrap);
      String checkpoints;
      try (EmbeddedFlink flink =
              EmbeddedFlink.start(2 * options.partitions(), dir.resolve("savepoints"));
          KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
          KafkaProducer<byte[], byte[]> labels = KafkaClients.producer(bootstrap);
          LiveProducer sender = new LiveProducer(bootstrap, this::nextTransaction, STARTUP_RATE)) {
        JobID scoring =
            flink.submit(
                JobGraphs.scoring(
                    settings.withCheckpointInterval(options.scoringCheckpointInterval()),
                    dir.resolve("checkpoints")));
        JobID learner = flink.submit(JobGraphs.learner(settings, dir.resolve("checkpoints")));
        log.printf(
            "Broker on %s; scoring and learner jobs submitted; %s%n", bootstrap, options.line());
        log.flush();
        sender.start();
        measure(consumer, labels, sender, settings.learner().gate());
        checkpoints =
            checkpointFigures(flink, "learner", learner, true)
                + " "
                + checkpointFigures(flink, "scoring", scoring, false);
        log.println("Stopping: jobs (savepoint), Flink, broker");
        log.flush();
      }
      FreshnessAttribution.Result result = attribution.attribute(windowLabels, allLabels);
      FreshnessSummary summary =
          FreshnessSummary.of(attribution, result, options.line() + " " + checkpoints);
      summary.breakdown().forEach(log::println);
      log.flush();
      return summary;
    }
  }

  private void measure(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> labels,
      LiveProducer sender,
      GateSettings gate)
      throws Exception {
    long started = System.currentTimeMillis();
    long from = Long.MAX_VALUE;
    long until = Long.MAX_VALUE;
    long nextProgress = started + 5_000;
    long nextCheck = 0;
    while (true) {
      sender.check();
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(10))) {
        long now = System.currentTimeMillis();
        switch (record.topic()) {
          case "scores" -> {
            Score score = scoreCodec.decode(record.value());
            scores++;
            newestScoredVersion = Math.max(newestScoredVersion, score.getModelVersion());
            attribution.scored(score.getModelVersion(), score.getScoredAt());
            Boolean fraud = truth.remove(score.getTransactionId().toString());
            if (fraud != null) {
              sendLabel(labels, score, fraud, now, gate, now >= from && now < until);
            }
          }
          case "model-updates" -> {
            long version = updateCodec.decode(record.value()).getVersion();
            newestVisibleVersion = Math.max(newestVisibleVersion, version);
            attribution.visible(version, now);
          }
          case "model-events" -> {
            ModelEvent event = eventCodec.decode(record.value());
            Double batch = event.getMetrics().get("batch");
            attribution.decision(
                new Decision(
                    event.getVersion(),
                    event.getKind() == ModelEventKind.PUBLISHED,
                    event.getTrainedThrough(),
                    event.getAt(),
                    batch == null ? 0 : batch.intValue()));
          }
          default -> throw new IllegalStateException("unexpected topic " + record.topic());
        }
      }
      long now = System.currentTimeMillis();
      if (from == Long.MAX_VALUE) {
        if (scores > 0) {
          sender.rate(options.rate());
          from = now + options.warmUp().toMillis();
          until = from + options.duration().toMillis();
          log.printf(
              "[%4.0fs] first score; sending %.0f txn/s, measuring from %.0fs for %ds%n",
              (now - started) / 1e3,
              options.rate(),
              (from - started) / 1e3,
              options.duration().toSeconds());
          log.flush();
        } else if (now - started > FIRST_SCORE_TIMEOUT.toMillis()) {
          throw new IllegalStateException(
              "no committed score within " + FIRST_SCORE_TIMEOUT.toSeconds() + " s");
        }
      }
      if (now >= nextProgress) {
        nextProgress += 5_000;
        log.printf(
            "[%4.0fs] txn sent %,d | scores %,d | labels sent %,d | model v%d (scoring v%d),"
                + " %d gate rejections%n",
            (now - started) / 1e3,
            sender.sent(),
            scores,
            allLabels.size(),
            newestVisibleVersion,
            newestScoredVersion,
            attribution.rejectedCandidates());
        log.flush();
      }
      if (now >= until && now >= nextCheck) {
        nextCheck = now + 1_000;
        FreshnessAttribution.Result result = attribution.attribute(windowLabels, List.of());
        long open = result.count(Outcome.PENDING) + result.count(Outcome.UNSCORED);
        if (open == 0 || now > until + DRAIN_TIMEOUT.toMillis()) {
          return;
        }
      }
    }
  }

  private void sendLabel(
      KafkaProducer<byte[], byte[]> producer,
      Score score,
      boolean fraud,
      long now,
      GateSettings gate,
      boolean measured) {
    String id = score.getTransactionId().toString();
    Label label =
        Label.newBuilder()
            .setTransactionId(id)
            .setCardId(score.getCardId())
            .setFraud(fraud)
            .setLabelTime(now)
            .setSource("bench")
            .build();
    producer.send(
        new ProducerRecord<>(
            Topic.LABELS.topicName(),
            id.getBytes(StandardCharsets.UTF_8),
            labelCodec.encode(label)));
    SentLabel sent = new SentLabel(now, now, gate.heldBack(id));
    allLabels.add(sent);
    if (measured) {
      windowLabels.add(sent);
    }
  }

  /** The next synthetic transaction; its fraud flag is kept for the label. */
  private Transaction nextTransaction(long now) {
    GeneratedTransaction generated = stream.next(now);
    Transaction txn = generated.transaction();
    truth.put(txn.getTransactionId(), generated.fraud());
    return txn;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(bootstrap);
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic topic : List.of(Topic.SCORES, Topic.MODEL_UPDATES, Topic.MODEL_EVENTS)) {
      for (PartitionInfo info : consumer.partitionsFor(topic.topicName())) {
        partitions.add(new TopicPartition(topic.topicName(), info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /**
   * Flink's own count and end-to-end duration of a job's completed checkpoints, and for the learner
   * where each one's time goes, per task (the p50 over the checkpoints in Flink's history of each
   * one's slowest subtask): its acknowledgement after the trigger, the barrier's start delay
   * (trigger to the barrier's arrival), alignment, and the synchronous and asynchronous parts.
   */
  private static String checkpointFigures(
      EmbeddedFlink flink, String name, JobID job, boolean perTask) {
    try {
      AccessExecutionGraph graph = flink.cluster().getExecutionGraph(job).get(10, TimeUnit.SECONDS);
      CheckpointStatsSnapshot stats = graph.getCheckpointStatsSnapshot();
      var durations = stats.getSummaryStats().getEndToEndDurationStats();
      String figures =
          String.format(
              Locale.ROOT,
              "%s_checkpoints=%d %s_checkpoint_p50_ms=%.0f %s_checkpoint_max_ms=%d",
              name,
              stats.getCounts().getNumberOfCompletedCheckpoints(),
              name,
              durations.getCount() == 0 ? Double.NaN : durations.getQuantile(0.5),
              name,
              durations.getCount() == 0 ? 0 : durations.getMaximum());
      return perTask ? figures + taskFigures(graph, name, stats) : figures;
    } catch (Exception e) {
      return name + "_checkpoints=unknown";
    }
  }

  private static String taskFigures(
      AccessExecutionGraph graph, String name, CheckpointStatsSnapshot stats) {
    Map<JobVertexID, List<long[]>> perTask = new LinkedHashMap<>();
    int checkpoints = 0;
    for (AbstractCheckpointStats checkpoint : stats.getHistory().getCheckpoints()) {
      if (checkpoint.getStatus() != CheckpointStatsStatus.COMPLETED
          || checkpoint.getProperties().isSavepoint()) {
        continue;
      }
      checkpoints++;
      for (TaskStateStats task : checkpoint.getAllTaskStateStats()) {
        long[] slowest = new long[5];
        for (SubtaskStateStats subtask : task.getSubtaskStats()) {
          if (subtask == null) {
            continue;
          }
          slowest[0] =
              Math.max(slowest[0], subtask.getEndToEndDuration(checkpoint.getTriggerTimestamp()));
          slowest[1] = Math.max(slowest[1], subtask.getCheckpointStartDelay());
          slowest[2] = Math.max(slowest[2], subtask.getAlignmentDuration());
          slowest[3] = Math.max(slowest[3], subtask.getSyncCheckpointDuration());
          slowest[4] = Math.max(slowest[4], subtask.getAsyncCheckpointDuration());
        }
        perTask.computeIfAbsent(task.getJobVertexId(), id -> new ArrayList<>()).add(slowest);
      }
    }
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "%n%s_checkpoint_history=%d", name, checkpoints));
    perTask.forEach(
        (id, rows) -> {
          var vertex = graph.getJobVertex(id);
          String task = vertex == null ? id.toString() : vertex.getName();
          task = task.replaceAll("[^A-Za-z0-9]+", "_");
          if (task.length() > 40) {
            task = task.substring(0, 40);
          }
          line.append(String.format(Locale.ROOT, "%n%s_task[%s] p50/max ms:", name, task));
          String[] parts = {"ack", "start_delay", "align", "sync", "async"};
          for (int i = 0; i < parts.length; i++) {
            long[] values = new long[rows.size()];
            for (int r = 0; r < values.length; r++) {
              values[r] = rows.get(r)[i];
            }
            java.util.Arrays.sort(values);
            line.append(
                String.format(
                    Locale.ROOT,
                    " %s=%d/%d",
                    parts[i],
                    values[values.length / 2],
                    values[values.length - 1]));
          }
        });
    return line.toString();
  }
}
