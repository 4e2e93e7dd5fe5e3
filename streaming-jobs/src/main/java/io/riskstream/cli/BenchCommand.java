package io.riskstream.cli;

import io.riskstream.bench.BenchSummary;
import io.riskstream.bench.FeatureBench;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream bench …}: benchmarks on this machine (not tests: nothing is asserted). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks on this machine.",
    subcommands = {BenchCommand.Features.class})
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
      if (!Files.isReadable(transactions)) {
        throw new IllegalArgumentException("cannot read " + transactions);
      }
      if (limit < 1 || parallelism < 1 || !(liveRate > 0) || liveDuration.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "--limit, --parallelism and --live-rate must be positive, --live-duration >= 1s");
      }
      FeatureSpec featureSpec =
          switch (specName) {
            case "default" -> FeatureSpecs.DEFAULT;
            case "handbook" -> FeatureSpecs.HANDBOOK;
            default ->
                throw new IllegalArgumentException(
                    "--spec must be default or handbook, was " + specName);
          };
      PrintWriter out = spec.commandLine().getOut();
      Path workDir = Files.createTempDirectory("riskstream-bench-");
      try {
        BenchSummary summary =
            FeatureBench.run(
                new FeatureBench.Options(
                    transactions,
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
        deleteRecursively(workDir);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
