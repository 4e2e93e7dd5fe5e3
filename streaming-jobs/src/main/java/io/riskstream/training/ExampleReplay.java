package io.riskstream.training;

import io.riskstream.features.FeaturePipeline;
import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.ingest.ColumnMapping;
import io.riskstream.replay.FeatureReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.util.CloseableIterator;

/**
 * Examples from historic transactions, computed by the streaming code itself: the slice is replayed
 * through a real broker, the spec's feature stages and the card-history stage (as the scoring job
 * runs them), and the scoring requests of the transactions inside the windows become examples
 * labelled with their own fraud flag.
 *
 * <p>The replay starts one feature horizon before the first window, so its windows are complete.
 * Labels are published at event time plus {@code labelDelay}; fraud rates only count labels their
 * spec's delay lets them see, as when scoring.
 */
public final class ExampleReplay {
  private static final String JOB = "riskstream-model-examples";

  /**
   * Where examples come from: the CSV files (in time order) and where their fields are (empty: each
   * header picks its format), the feature spec, how long after its transaction a label becomes
   * known, and the feature job's parallelism.
   */
  public record Source(
      List<Path> files,
      Optional<ColumnMapping> columns,
      FeatureSpec spec,
      Duration labelDelay,
      int parallelism) {
    public Source {
      files = List.copyOf(files);
    }
  }

  /** Per window, its examples in event-time order. */
  public record Replayed(List<List<LabelledInput>> examples, long published) {}

  private ExampleReplay() {}

  /**
   * A bounded replay that nothing restarts or restores: heap state and no checkpoints, which change
   * how fast the stages run, not what they compute.
   */
  private static void offline(Configuration conf) {
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
  }

  /**
   * The examples of each window, with the card histories a scorer reading {@code historyLength}
   * past events gets.
   *
   * @param windows the example windows; a window's {@code from} may be {@link Long#MIN_VALUE} for
   *     "from the start of the data"
   */
  public static Replayed run(
      Source source, int historyLength, List<TimeWindow> windows, Path workDir, PrintWriter log)
      throws Exception {
    long first = windows.stream().mapToLong(TimeWindow::from).min().orElseThrow();
    long last = windows.stream().mapToLong(TimeWindow::until).max().orElseThrow() - 1;
    long replayFrom =
        first == Long.MIN_VALUE ? first : FeatureReplay.warmUpStart(source.spec(), first);
    List<String> early = EarlyLabels.features(source.spec(), source.labelDelay());
    if (!early.isEmpty()) {
      log.printf(
          "note: with labels %s after their transaction, %d features of spec %s may see labels"
              + " in this replay before the scorer would have them (the stages apply a label"
              + " when it arrives): %s%n",
          source.labelDelay(), early.size(), source.spec().id(), early);
    }
    Set<String> frauds = new HashSet<>();
    long[] inWindows = new long[windows.size()];
    ExampleCollector collector = new ExampleCollector(windows, frauds);
    FeatureReplay.Slice slice =
        new FeatureReplay.Slice(
            source.files(), source.columns(), replayFrom, last, source.labelDelay());
    long published =
        FeatureReplay.run(
            slice,
            source.spec(),
            source.parallelism(),
            JOB,
            workDir,
            log,
            ExampleReplay::offline,
            (txn, label) -> {
              for (int w = 0; w < inWindows.length; w++) {
                if (windows.get(w).contains(txn.getEventTime())) {
                  inWindows[w]++;
                  if (label.getFraud()) {
                    frauds.add(txn.getTransactionId());
                  }
                }
              }
            },
            (features, settings, count) -> {
              for (int w = 0; w < inWindows.length; w++) {
                if (inWindows[w] == 0) {
                  throw new IllegalArgumentException(
                      "no transactions from " + windows.get(w) + " in " + source.files());
                }
              }
              long started = System.nanoTime();
              long collected = 0;
              // Only the examples travel to this JVM: their histories hold the vectors before.
              try (CloseableIterator<ScoringRequest> requests =
                  FeaturePipeline.requests(
                          features, source.spec(), historyLength, settings.featureHold())
                      .filter(r -> ExampleCollector.inAny(windows, r.eventTime))
                      .name("example windows")
                      .executeAndCollect(JOB)) {
                while (requests.hasNext()) {
                  collector.accept(requests.next());
                  collected++;
                }
              }
              log.printf(
                  "feature job: %,d examples in %.0f s%n",
                  collected, (System.nanoTime() - started) / 1e9);
              log.flush();
              return count;
            });
    return new Replayed(collector.examples(), published);
  }
}
