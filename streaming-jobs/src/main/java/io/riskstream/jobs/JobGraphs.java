package io.riskstream.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Builds the platform's jobs as stream graphs with their production configuration: exactly-once
 * checkpoints on the RocksDB backend (incremental), restarts with an exponential delay.
 */
public final class JobGraphs {
  private JobGraphs() {}

  public static StreamGraph scoring(PlatformSettings settings, Path checkpoints) {
    return scoringEnvironment(settings, uri(checkpoints.resolve(ScoringJob.NAME))).getStreamGraph();
  }

  public static StreamGraph learner(PlatformSettings settings, Path checkpoints) {
    return learnerEnvironment(settings, uri(checkpoints.resolve(LearnerJob.NAME))).getStreamGraph();
  }

  /**
   * The scoring job defined on {@link StreamExecutionEnvironment#getExecutionEnvironment} with its
   * configuration, checkpointing to {@code jobCheckpoints} (a URI): the embedded runtime takes its
   * stream graph, {@code JobMain} executes it on a cluster ({@code flink run}).
   */
  public static StreamExecutionEnvironment scoringEnvironment(
      PlatformSettings settings, String jobCheckpoints) {
    Configuration conf = configuration(ScoringJob.NAME, settings, jobCheckpoints);
    // Under backpressure an aligned barrier queues behind every buffered request, and while it
    // aligns, the inputs that already passed it are blocked: the scorer's model-update input then
    // waits for the request backlog (2k txn/s: scoring checkpoints 7.5 s p50, scorers stuck on an
    // old version for most of the run). A barrier that has not aligned in 100 ms overtakes the
    // buffered records, which are stored with the checkpoint instead; savepoints stay aligned.
    // Not for the learner: its 200 ms checkpoints would store the feature snapshots in flight
    // each time (bench freshness: a quarter of the versions with it).
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofMillis(100));
    return environment(conf, settings, ScoringJob::define);
  }

  /** The learner job, like {@link #scoringEnvironment}. */
  public static StreamExecutionEnvironment learnerEnvironment(
      PlatformSettings settings, String jobCheckpoints) {
    return environment(
        configuration(LearnerJob.NAME, settings, jobCheckpoints), settings, LearnerJob::define);
  }

  private static StreamExecutionEnvironment environment(
      Configuration conf,
      PlatformSettings settings,
      BiConsumer<StreamExecutionEnvironment, PlatformSettings> define) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(settings.parallelism());
    define.accept(env, settings);
    return env;
  }

  private static String uri(Path path) {
    return path.toUri().toString();
  }

  /** A job's configuration: exactly-once checkpoints to {@code checkpoints}, RocksDB, restarts. */
  public static Configuration configuration(
      String name, PlatformSettings settings, Path checkpoints) {
    return configuration(name, settings, uri(checkpoints));
  }

  /** {@link #configuration(String, PlatformSettings, Path)} for a checkpoint directory's URI. */
  public static Configuration configuration(
      String name, PlatformSettings settings, String checkpoints) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.NAME, name);
    // Transactions wait in the feature stages until the watermark passes them: emit it often.
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(100));
    // Every transaction crosses several keyed shuffles before it is scored; Flink's default 100 ms
    // buffer flush per shuffle would dominate its latency (bench features: p50 657 -> 329 ms).
    conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    // No operator keeps or mutates a record after handing it on, so chained operators may share
    // it: without this every score and feature snapshot is deep-copied (Avro) on its way from the
    // scorer to its chained Kafka writer, 15-20% of the scoring thread (JFR, 2k txn/s).
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
    // Restart for as long as it takes, backing off to 30 s between attempts: a job must outlive a
    // TaskManager that takes minutes to replace or a broker restart. The fixed 10 attempts 2 s
    // apart it had before were spent in 20 s while a killed TaskManager's replacement was still
    // starting (ClusterFailoverIT: the scoring job FAILED for good, slots unavailable).
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
        Duration.ofSeconds(1));
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
        Duration.ofSeconds(30));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
    // Ten quiet minutes and a new failure starts again from a 1 s delay.
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
        Duration.ofMinutes(10));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
    return conf;
  }
}
