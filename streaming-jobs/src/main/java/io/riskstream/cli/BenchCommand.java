package io.riskstream.cli;

import io.riskstream.bench.BenchSummary;
import io.riskstream.bench.E2eBench;
import io.riskstream.bench.E2eSummary;
import io.riskstream.bench.FeatureBench;
import io.riskstream.bench.FreshnessBench;
import io.riskstream.bench.FreshnessSummary;
import io.riskstream.bench.ScoringBench;
import io.riskstream.bench.ScoringSummary;
import io.riskstream.bench.SoakBench;
import io.riskstream.bench.SoakSummary;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.model.ModelConfig;
import io.riskstream.scoring.BatchLimits;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream bench …}: benchmarks on this machine (not tests: nothing is asserted). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks on this machine.",
    subcommands = {
      BenchCommand.Features.class,
      BenchCommand.Scoring.class,
      BenchCommand.Soak.class,
      BenchCommand.Freshness.class,
      BenchCommand.EndToEnd.class
    })
public final class BenchCommand {

  /** {@code riskstream bench features}. */
  @Command(
      name = "features",
      mixinStandardHelpOptions = true,
      description = {
        "Replays the first N transactions through a real Kafka broker twice: through the feature"
            + " job (RocksDB state, checkpoints) and through a pass-through job (decode, re-encode),"
            + " both Kafka to Kafka on the same broker and MiniCluster. Then runs the feature job"
            + " live at a fixed rate and measures send-to-featured-output latency.",
        "Last line: features_txn_per_s=X passthrough_txn_per_s=Y ratio=Z p99_feature_latency_ms=W …"
      })
  static final class Features implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--transactions",
        required = true,
        paramLabel = "F",
        description = "Transactions CSV with a fraud column (.gz), e.g. the handbook's.")
    Path transactions;

    @Mixin ColumnsOption columns;

    @Option(
        names = "--limit",
        defaultValue = "300000",
        description = "Transactions to replay (default: ${DEFAULT-VALUE}).")
    long limit;

    @Option(
        names = "--parallelism",
        defaultValue = "2",
        description = "Job parallelism and topic partitions (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
        names = "--spec",
        defaultValue = "default",
        description = "Feature spec: default or handbook (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(
        names = "--live-rate",
        defaultValue = "2000",
        description = "Transactions per second in the latency phase (default: ${DEFAULT-VALUE}).")
    double liveRate;

    @Option(
        names = "--live-duration",
        defaultValue = "20s",
        converter = DurationConverter.class,
        description = "How long the latency phase measures (default: ${DEFAULT-VALUE}).")
    Duration liveDuration;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "2s",
        converter = DurationConverter.class,
        description =
            "Checkpoint interval of the jobs (default: ${DEFAULT-VALUE}, the platform's), e.g. to"
                + " see what checkpoints cost.")
    Duration checkpointInterval;

    @Override
    public Integer call() throws Exception {
      columns.checkHeaders(List.of(transactions));
      if (limit < 1 || parallelism < 1 || !(liveRate > 0) || liveDuration.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "--limit, --parallelism and --live-rate must be positive, --live-duration >= 1s");
      }
      FeatureSpec featureSpec = CliSupport.featureSpec(specName);
      PrintWriter out = spec.commandLine().getOut();
      Path workDir = Files.createTempDirectory("riskstream-bench-");
      try {
        BenchSummary summary =
            FeatureBench.run(
                new FeatureBench.Options(
                    transactions,
                    columns.mapping(),
                    limit,
                    parallelism,
                    featureSpec,
                    checkpointInterval,
                    liveRate,
                    liveDuration),
                workDir,
                out);
        out.println(summary.line());
        out.flush();
        return 0;
      } finally {
        CliSupport.deleteRecursively(workDir);
      }
    }
  }

  /** {@code riskstream bench scoring}. */
  @Command(
      name = "scoring",
      mixinStandardHelpOptions = true,
      description = {
        "Measures the fraud model's scoring in this JVM, with random inputs shaped like the feature"
            + " spec's and histories full: sequences/s and per-call p50/p99 of the default model"
            + " at each batch size and thread count (each thread its own model), then the cost"
            + " curve: time per sequence at B=256 for sparse (local window + top-k) and dense"
            + " attention at each history length L.",
        "Last line: seq_per_s_b256=X p99_ms_b256=Y topk_vs_dense_speedup_L256=Z … (one thread,"
            + " L=32 for the first two)"
      })
  static final class Scoring implements Callable<Integer> {
    /** Bounds that keep one point's inputs well inside the launcher's 3 GB heap. */
    private static final int MAX_BATCH = 16_384;

    private static final int MAX_LENGTH = 2048;
    private static final int MAX_THREADS = 64;

    @Spec CommandSpec spec;

    @Option(
        names = "--batch-sizes",
        split = ",",
        defaultValue = "1,32,256,1024",
        paramLabel = "B",
        description =
            "Batch sizes of the throughput table; must include 256 (default: 1,32,256,1024).")
    List<Integer> batchSizes;

    @Option(
        names = "--threads",
        split = ",",
        defaultValue = "1,2",
        paramLabel = "N",
        description = "Thread counts of the throughput table; must include 1 (default: 1,2).")
    List<Integer> threads;

    @Option(
        names = "--lengths",
        split = ",",
        defaultValue = "32,64,128,256,512",
        paramLabel = "L",
        description =
            "History lengths of the cost curve; must include 256 (default: 32,64,128,256,512).")
    List<Integer> lengths;

    @Option(
        names = "--seconds-per-point",
        defaultValue = "3",
        paramLabel = "S",
        description = "Measured seconds per point (default: ${DEFAULT-VALUE}).")
    double secondsPerPoint;

    @Option(
        names = "--warmup-seconds",
        defaultValue = "1",
        paramLabel = "S",
        description =
            "Seconds of scoring before each point is measured (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(
        names = "--spec",
        defaultValue = "handbook",
        description =
            "Feature spec giving the input width: handbook (15) or default (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      FeatureSpec featureSpec = CliSupport.featureSpec(specName);
      ModelConfig base = ModelConfig.defaults(featureSpec.size());
      int minLength = base.localWindow() + base.topK();
      ScoringBench.Options options =
          new ScoringBench.Options(
              featureSpec,
              checked("--batch-sizes", batchSizes, 1, MAX_BATCH, ScoringSummary.KEY_BATCH),
              checked("--threads", threads, 1, MAX_THREADS, 1),
              checked("--lengths", lengths, minLength, MAX_LENGTH, ScoringSummary.KEY_LENGTH),
              seconds("--warmup-seconds", warmupSeconds, 0),
              seconds("--seconds-per-point", secondsPerPoint, 0.001),
              seed);
      PrintWriter out = spec.commandLine().getOut();
      ScoringSummary summary = ScoringBench.run(options, out);
      out.println(summary.line());
      out.flush();
      return 0;
    }

    /**
     * The values sorted and without repeats, each within [min, max] and one of them {@code
     * required} (the last line reports it).
     */
    private static List<Integer> checked(
        String option, List<Integer> values, int min, int max, int required) {
      TreeSet<Integer> sorted = new TreeSet<>(values);
      if (sorted.first() < min || sorted.last() > max) {
        throw new IllegalArgumentException(
            option + " must each be in " + min + ".." + max + ", got " + values);
      }
      if (!sorted.contains(required)) {
        throw new IllegalArgumentException(
            option + " must include " + required + " (the last line reports it), got " + values);
      }
      return List.copyOf(sorted);
    }

    private static Duration seconds(String option, double value, double min) {
      if (!(value >= min && value <= 600)) {
        throw new IllegalArgumentException(
            option + " must be in " + min + "..600 seconds, got " + value);
      }
      return Duration.ofNanos(Math.round(value * 1e9));
    }
  }

  /** {@code riskstream bench soak}. */
  @Command(
      name = "soak",
      mixinStandardHelpOptions = true,
      description = {
        "Scores without pause as one scoring task does (batched forward passes, explanations of"
            + " the flagged, a new model version hot-swapped every few seconds) and samples this"
            + " process's resident memory; reports its trend after the warm-up.",
        "Last line: rss_growth_mb_per_min=X rss_flat=true|false rss_mb_start=… rss_mb_end=…"
            + " seq_per_s=… versions=…"
      })
  static final class Soak implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--duration",
        defaultValue = "10m",
        converter = DurationConverter.class,
        description = "How long to score, warm-up included (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
        names = "--warm-up",
        defaultValue = "60s",
        converter = DurationConverter.class,
        description =
            "Left out of the trend: the JIT, allocator pools and heap settle (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
        names = "--sample-every",
        defaultValue = "10s",
        converter = DurationConverter.class,
        description = "How often resident memory is read (default: ${DEFAULT-VALUE}).")
    Duration sampleEvery;

    @Option(
        names = "--swap-every",
        defaultValue = "5s",
        converter = DurationConverter.class,
        description = "How often a new model version is swapped in (default: ${DEFAULT-VALUE}).")
    Duration swapEvery;

    @Option(
        names = "--batch-size",
        defaultValue = "256",
        description = "Requests per scoring call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--spec",
        defaultValue = "default",
        description =
            "Feature spec giving the input width: default or handbook (default: ${DEFAULT-VALUE}).")
    String specName;

    @Override
    public Integer call() {
      if (batchSize < 1 || batchSize > Scoring.MAX_BATCH) {
        throw new IllegalArgumentException(
            "--batch-size must be in 1.." + Scoring.MAX_BATCH + ", got " + batchSize);
      }
      if (sampleEvery.isZero() || swapEvery.isZero()) {
        throw new IllegalArgumentException("--sample-every and --swap-every must be positive");
      }
      // At least two samples after the warm-up, or there is no trend to report.
      if (duration.compareTo(warmUp.plus(sampleEvery)) < 0) {
        throw new IllegalArgumentException(
            "--duration must be at least --warm-up plus --sample-every, got " + duration);
      }
      PrintWriter out = spec.commandLine().getOut();
      SoakSummary summary =
          SoakBench.run(
              new SoakBench.Options(
                  CliSupport.featureSpec(specName),
                  batchSize,
                  duration,
                  warmUp,
                  sampleEvery,
                  swapEvery,
                  1),
              out);
      out.println(summary.line());
      out.flush();
      return 0;
    }
  }

  /** {@code riskstream bench freshness}. */
  @Command(
      name = "freshness",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the broker, the scoring job and the learner job, sends transactions at a steady rate"
            + " and labels each one as soon as its score is read; measures, per label, the time"
            + " from sending it to the first score made with weights trained on it, and where that"
            + " time goes (the learner's batching, training and its checkpoint commit, the"
            + " scorers' swap).",
        "Last line: freshness_p50_ms=X freshness_p99_ms=Y label_to_train_p50_ms=… labels=…"
      })
  static final class Freshness implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--rate",
        defaultValue = "2000",
        description =
            "Transactions per second, each labelled once scored (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
        names = "--duration",
        defaultValue = "60s",
        converter = DurationConverter.class,
        description = "Labels sent in this window are measured (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
        names = "--warm-up",
        defaultValue = "20s",
        converter = DurationConverter.class,
        description = "From the first score to the window (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
        names = "--partitions",
        defaultValue = "2",
        description = "Partitions per topic and job parallelism (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "200ms",
        converter = DurationConverter.class,
        description =
            "The learner job's checkpoint interval: a version is visible once the learner's"
                + " checkpoint commits it (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(
        names = "--scoring-checkpoint-interval",
        defaultValue = "2s",
        converter = DurationConverter.class,
        description =
            "The scoring job's checkpoint interval (default: ${DEFAULT-VALUE}, the platform's);"
                + " its commits come before a label is sent, so they are not part of freshness.")
    Duration scoringCheckpointInterval;

    @Option(
        names = "--learner-batch-size",
        defaultValue = "256",
        description = "Labels per training mini-batch (default: ${DEFAULT-VALUE}).")
    int learnerBatchSize;

    @Option(
        names = "--learner-max-wait",
        defaultValue = "200ms",
        converter = DurationConverter.class,
        description =
            "The longest a mini-batch waits after its first label (default: ${DEFAULT-VALUE}).")
    Duration learnerMaxWait;

    @Option(
        names = "--score-batch-size",
        defaultValue = "256",
        description = "The scorer's largest batch (default: ${DEFAULT-VALUE}).")
    int scoreBatchSize;

    @Option(
        names = "--score-max-wait",
        defaultValue = "5ms",
        converter = DurationConverter.class,
        description =
            "The longest a transaction waits for its scoring batch (default: ${DEFAULT-VALUE}).")
    Duration scoreMaxWait;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Seed of the synthetic transactions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (!(rate > 0 && rate <= 100_000)) {
        throw new IllegalArgumentException("--rate must be in (0, 100000], got " + rate);
      }
      if (duration.toSeconds() < 1) {
        throw new IllegalArgumentException("--duration must be at least 1s, got " + duration);
      }
      if (partitions < 1 || partitions > 8) {
        throw new IllegalArgumentException("--partitions must be in 1..8, got " + partitions);
      }
      if (checkpointInterval.toMillis() < 10 || scoringCheckpointInterval.toMillis() < 10) {
        throw new IllegalArgumentException(
            "--checkpoint-interval and --scoring-checkpoint-interval must be at least 10ms");
      }
      if (learnerBatchSize < 1) {
        throw new IllegalArgumentException(
            "--learner-batch-size must be positive, got " + learnerBatchSize);
      }
      if (learnerMaxWait.toMillis() < 1) {
        throw new IllegalArgumentException(
            "--learner-max-wait must be at least 1ms, got " + learnerMaxWait);
      }
      if (scoreBatchSize < 1 || scoreBatchSize > Scoring.MAX_BATCH) {
        throw new IllegalArgumentException(
            "--score-batch-size must be in 1.." + Scoring.MAX_BATCH + ", got " + scoreBatchSize);
      }
      FreshnessBench.Options options =
          new FreshnessBench.Options(
              rate,
              warmUp,
              duration,
              partitions,
              checkpointInterval,
              scoringCheckpointInterval,
              learnerBatchSize,
              learnerMaxWait,
              new BatchLimits(scoreBatchSize, scoreMaxWait),
              seed);
      PrintWriter out = spec.commandLine().getOut();
      FreshnessSummary summary =
          CliSupport.inTempDir(
              "riskstream-bench-freshness-", dir -> FreshnessBench.run(options, dir, out));
      out.println(summary.line());
      out.flush();
      return summary.measured() > 0 ? 0 : 1;
    }
  }

  /** {@code riskstream bench e2e}. */
  @Command(
      name = "e2e",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the broker and the platform's scoring job (feature stages, sparse-attention scorer,"
            + " exactly-once sinks; the learner job is left out: its work follows the label rate,"
            + " and bench freshness measures it) and offers synthetic transactions at each rate:"
            + " latency from producing a transaction to consuming its score, p50/p99/p99.9, and"
            + " whether the loop kept up. A rate it did not keep up with is reported with the rate"
            + " it achieved and its growing backlog, without latencies. Then a backlog: how fast"
            + " the job works it off is its maximum throughput.",
        "Consumers read scores read_committed, so a score is seen only when the checkpoint after"
            + " it commits (every --checkpoint-interval): that dominates the latency. The latency"
            + " to the broker's append (what an at-least-once or read_uncommitted consumer could"
            + " see) is given beside it.",
        "References measured in the same run: a pass-through job on the same Kafka path (decode,"
            + " re-encode, the same sink and checkpoints) at the same rates and its maximum, and"
            + " the model alone in this JVM at the scorer's batch size; ratios are platform /"
            + " reference.",
        "Last line: max_txn_per_s=X p99_ms_at_5k=Y passthrough_max_txn_per_s=… max_vs_djl=…"
      })
  static final class EndToEnd implements Callable<Integer> {
    /** The rate of the last line's p99. */
    static final int KEY_RATE = 5000;

    private static final int MAX_RATE = 200_000;

    @Spec CommandSpec spec;

    @Option(
        names = "--rates",
        split = ",",
        defaultValue = "1000,5000,10000",
        paramLabel = "R",
        description =
            "Offered rates, transactions per second; must include 5000 (default: 1000,5000,10000).")
    List<Integer> rates;

    @Option(
        names = "--warm-up",
        defaultValue = "5s",
        converter = DurationConverter.class,
        description = "At each rate before it is measured (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
        names = "--duration-per-rate",
        defaultValue = "15s",
        converter = DurationConverter.class,
        description = "How long each rate is measured (default: ${DEFAULT-VALUE}).")
    Duration perRate;

    @Option(
        names = "--drain-duration",
        defaultValue = "15s",
        converter = DurationConverter.class,
        description =
            "How long the maximum throughput is measured, at most (default: ${DEFAULT-VALUE}).")
    Duration drainDuration;

    @Option(
        names = "--partitions",
        defaultValue = "2",
        description = "Partitions per topic and job parallelism (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "2s",
        converter = DurationConverter.class,
        description =
            "Both jobs' checkpoint interval: their exactly-once sinks commit with each checkpoint"
                + " (default: ${DEFAULT-VALUE}, the platform's).")
    Duration checkpointInterval;

    @Option(
        names = "--score-batch-size",
        defaultValue = "256",
        description = "The scorer's largest batch (default: ${DEFAULT-VALUE}).")
    int scoreBatchSize;

    @Option(
        names = "--score-max-wait",
        defaultValue = "5ms",
        converter = DurationConverter.class,
        description =
            "The longest a transaction waits for its scoring batch (default: ${DEFAULT-VALUE}).")
    Duration scoreMaxWait;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Seed of the synthetic transactions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      TreeSet<Integer> sorted = new TreeSet<>(rates);
      if (sorted.first() < 1 || sorted.last() > MAX_RATE) {
        throw new IllegalArgumentException(
            "--rates must each be in 1.." + MAX_RATE + ", got " + rates);
      }
      if (!sorted.contains(KEY_RATE)) {
        throw new IllegalArgumentException(
            "--rates must include " + KEY_RATE + " (the last line reports it), got " + rates);
      }
      if (perRate.toSeconds() < 1 || drainDuration.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "--duration-per-rate and --drain-duration must be at least 1s");
      }
      if (partitions < 1 || partitions > 8) {
        throw new IllegalArgumentException("--partitions must be in 1..8, got " + partitions);
      }
      if (checkpointInterval.toMillis() < 10) {
        throw new IllegalArgumentException("--checkpoint-interval must be at least 10ms");
      }
      if (scoreBatchSize < 1 || scoreBatchSize > Scoring.MAX_BATCH) {
        throw new IllegalArgumentException(
            "--score-batch-size must be in 1.." + Scoring.MAX_BATCH + ", got " + scoreBatchSize);
      }
      E2eBench.Options options =
          new E2eBench.Options(
              List.copyOf(sorted),
              KEY_RATE,
              warmUp,
              perRate,
              drainDuration,
              partitions,
              checkpointInterval,
              new BatchLimits(scoreBatchSize, scoreMaxWait),
              seed);
      PrintWriter out = spec.commandLine().getOut();
      E2eSummary summary =
          CliSupport.inTempDir("riskstream-bench-e2e-", dir -> E2eBench.run(options, dir, out));
      out.println(summary.line());
      out.flush();
      return 0;
    }
  }
}
