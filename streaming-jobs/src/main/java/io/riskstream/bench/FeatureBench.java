package io.riskstream.bench;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.ingest.ColumnMapping;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.schemas.Topic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code riskstream bench features}: on one broker and one MiniCluster, replays the same
 * transactions through the feature job and through a pass-through job (both Kafka → Kafka, same
 * parallelism and configuration), then measures the feature job's latency live.
 *
 * <p>The feature job runs first, so it, not the pass-through, pays for this JVM's cold JIT: the
 * ratio errs low rather than flattering the feature stages.
 */
public final class FeatureBench {
  /**
   * What to run.
   *
   * @param columns where the CSV's fields are; empty: its header picks its format
   * @param limit transactions to replay
   * @param checkpointInterval of every job; the platform's default unless measuring checkpoints
   * @param liveRate transactions per second in the live phase
   * @param liveDuration how long the live phase measures
   */
  public record Options(
      Path transactions,
      Optional<ColumnMapping> columns,
      long limit,
      int parallelism,
      FeatureSpec spec,
      Duration checkpointInterval,
      double liveRate,
      Duration liveDuration) {}

  private FeatureBench() {}

  public static BenchSummary run(Options options, Path workDir, PrintWriter log) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      BenchTopics.create(bootstrap, options.parallelism());
      int livePool = (int) Math.min(Integer.MAX_VALUE, Math.ceil(options.liveRate() * 60));
      BenchData data =
          BenchData.publish(
              options.transactions(), options.columns(), bootstrap, options.limit(), livePool);
      log.printf(
          "published %,d transactions and their labels to %s; kept %,d rows for the live phase%n",
          data.published(), bootstrap, data.livePool().size());
      log.flush();
      PlatformSettings settings =
          PlatformSettings.defaults(bootstrap)
              .withFeatures(options.spec())
              .withParallelism(options.parallelism())
              .withCheckpointInterval(options.checkpointInterval());
      Path checkpoints = workDir.resolve("checkpoints");
      try (EmbeddedFlink flink =
          EmbeddedFlink.start(options.parallelism(), workDir.resolve("savepoints"))) {
        JobTiming features =
            timed(
                flink,
                BenchJobs.featureReplay(settings, checkpoints),
                bootstrap,
                Topic.FEATURE_SNAPSHOTS.topicName(),
                data.published());
        log.printf(
            "feature job: %,d transactions in %.1f s (%.0f/s; %.0f/s after the first output)%n",
            data.published(),
            features.seconds(),
            features.txnPerSecond(),
            features.steadyTxnPerSecond());
        log.flush();
        JobTiming passthrough =
            timed(
                flink,
                BenchJobs.passthrough(settings, checkpoints),
                bootstrap,
                BenchJobs.PASSTHROUGH_TOPIC,
                data.published());
        log.printf(
            "pass-through job: %,d transactions in %.1f s (%.0f/s; %.0f/s after the first output)%n",
            data.published(),
            passthrough.seconds(),
            passthrough.txnPerSecond(),
            passthrough.steadyTxnPerSecond());
        log.printf(
            "live feature job: %.0f transactions/s for %d s after warm-up%n",
            options.liveRate(), options.liveDuration().toSeconds());
        log.flush();
        LatencyRecorder latencies =
            LivePhase.run(
                flink,
                settings,
                checkpoints,
                data.livePool(),
                options.liveRate(),
                options.liveDuration(),
                log);
        return new BenchSummary(
            data.published(),
            features,
            passthrough,
            latencies.count(),
            latencies.percentile(50),
            latencies.percentile(99));
      }
    }
  }

  /** Submits a bounded job and waits for it to finish, noting when its output began. */
  private static JobTiming timed(
      EmbeddedFlink flink, StreamGraph graph, String bootstrap, String outputTopic, long records)
      throws Exception {
    try (OutputWatch watch = OutputWatch.start(bootstrap, outputTopic)) {
      long submitted = System.nanoTime();
      JobID job = flink.submit(graph);
      flink
          .cluster()
          .requestJobResult(job)
          .get(30, TimeUnit.MINUTES)
          .toJobExecutionResult(FeatureBench.class.getClassLoader());
      long finished = System.nanoTime();
      long first = watch.firstOutputNanos();
      // A tiny job may finish before the watch polls; then there is no start-up to exclude.
      first = first < 0 ? finished : Math.min(Math.max(first, submitted), finished);
      return new JobTiming(records, submitted, first, finished);
    }
  }
}
