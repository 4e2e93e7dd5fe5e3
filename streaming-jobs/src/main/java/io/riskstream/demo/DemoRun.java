package io.riskstream.demo;

import io.riskstream.dashboard.Dashboard;
import io.riskstream.generator.LiveGenerator;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.TopicSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One run of the demo: broker, topics, both jobs, the generator and the progress line, then an
 * orderly shutdown (generator, jobs with a savepoint, Flink, broker), also on Ctrl-C.
 */
public final class DemoRun {
  private static final long TICK_MILLIS = 100;

  private final Path dataDir;
  private final int partitions;
  private final double rate;
  private final Duration labelDelay;
  private final UnaryOperator<PlatformSettings> tuning;
  private final long seed;
  private final Function<String, Dashboard.Options> dashboard;
  private final OptionalInt flinkMetricsPort;
  private final PrintWriter out;
  private final boolean interactive = System.console() != null;
  private StopSignals stop;

  public DemoRun(
      Path dataDir,
      int partitions,
      double rate,
      Duration labelDelay,
      UnaryOperator<PlatformSettings> tuning,
      long seed,
      Function<String, Dashboard.Options> dashboard,
      OptionalInt flinkMetricsPort,
      PrintWriter out) {
    this.dataDir = dataDir;
    this.partitions = partitions;
    this.rate = rate;
    this.labelDelay = labelDelay;
    this.tuning = tuning;
    this.seed = seed;
    this.dashboard = dashboard;
    this.flinkMetricsPort = flinkMetricsPort;
    this.out = out;
  }

  /**
   * Runs until {@code duration} has passed (null: until Ctrl-C). Returns the exit code: 0 when
   * scores flowed, 1 when none did.
   */
  public int runUntilStopped(Duration duration) throws Exception {
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("riskstream-demo-") : prepare(dataDir);
    try (StopSignals signals = new StopSignals()) {
      stop = signals;
      return run(dir, duration);
    } finally {
      if (temporary) {
        deleteRecursively(dir);
      }
    }
  }

  private int run(Path dir, Duration duration) throws Exception {
    long startNanos = System.nanoTime();
    DemoStats stats = new DemoStats();
    out.printf("RiskStream demo: data in %s%n", dir);
    out.flush();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      TopicSetup.createAll(bootstrap, partitions);
      out.printf("Kafka broker (child JVM) on %s, topics created%n", bootstrap);
      PlatformSettings settings =
          tuning.apply(PlatformSettings.defaults(bootstrap).withParallelism(partitions));
      try (Dashboard live = Dashboard.start(dashboard.apply(bootstrap));
          EmbeddedFlink flink =
              EmbeddedFlink.start(2 * partitions, dir.resolve("savepoints"), flinkMetricsPort);
          ProgressMonitor monitor = ProgressMonitor.start(bootstrap);
          LiveGenerator generator = new LiveGenerator(bootstrap, rate, labelDelay, seed)) {
        flink.submit(JobGraphs.scoring(settings, dir.resolve("checkpoints")));
        flink.submit(JobGraphs.learner(settings, dir.resolve("checkpoints")));
        out.printf("Dashboard on %s (Prometheus metrics: %s)%n", live.url(), live.metricsUrl());
        flink
            .metricsUrl()
            .ifPresent(
                url ->
                    out.printf(
                        "Flink metrics (Prometheus): %s (listening on every interface;"
                            + " --no-flink-metrics turns it off)%n",
                        url));
        out.printf(
            "Flink MiniCluster running the scoring and learner jobs; generating %.0f txn/s,"
                + " labels after %s%n",
            rate, labelDelay.toString().substring(2).toLowerCase(Locale.ROOT));
        out.flush();
        generator.start();
        watch(startNanos, duration, stats, monitor, generator);
        out.println();
        out.println("Stopping: generator, jobs (savepoint), Flink, broker");
        out.flush();
      }
    }
    out.println(stats.summaryLine());
    out.flush();
    return stats.hasScores() ? 0 : 1;
  }

  private void watch(
      long startNanos,
      Duration duration,
      DemoStats stats,
      ProgressMonitor monitor,
      LiveGenerator generator)
      throws InterruptedException {
    long deadline = duration == null ? Long.MAX_VALUE : startNanos + duration.toNanos();
    long nextSample = System.nanoTime();
    int tick = 0;
    while (!stop.requested() && System.nanoTime() < deadline) {
      Thread.sleep(TICK_MILLIS);
      if (generator.labelsSent() > 0) {
        stats.firstLabelAt(secondsSince(startNanos, System.nanoTime()));
      }
      if (monitor.firstScoreNanos() != 0) {
        stats.firstScoreAt(secondsSince(startNanos, monitor.firstScoreNanos()));
      }
      if (monitor.firstTrainedScoreNanos() != 0) {
        stats.firstTrainedScoreAt(secondsSince(startNanos, monitor.firstTrainedScoreNanos()));
      }
      if (System.nanoTime() >= nextSample) {
        nextSample += TimeUnit.SECONDS.toNanos(1);
        stats.add(
            new DemoStats.Sample(
                secondsSince(startNanos, System.nanoTime()),
                generator.transactionsSent(),
                generator.labelsSent(),
                monitor.scores(),
                monitor.trainedExamples(),
                monitor.publishedVersion(),
                monitor.scoredVersion()));
        // One live line on a terminal; a line every 5 s when the output is a file or a pipe.
        if (interactive) {
          out.print("\r" + stats.progressLine() + "\033[K");
          out.flush();
        } else if (tick++ % 5 == 0) {
          out.println(stats.progressLine());
          out.flush();
        }
      }
    }
  }

  private static double secondsSince(long startNanos, long nanos) {
    return (nanos - startNanos) / 1e9;
  }

  private static Path prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--data-dir " + dir + " is not empty");
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DemoRun::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort: a leftover temp file is not worth failing the demo for.
    }
  }
}
