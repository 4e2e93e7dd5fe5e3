package io.riskstream.check;

import io.riskstream.features.FeatureRecord;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.ingest.ColumnMapping;
import io.riskstream.replay.FeatureReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/**
 * Replays the handbook's transactions and labels through a real broker and the real feature stages
 * (RocksDB state, event-time order) and compares every reference row's 15 features.
 *
 * <p>The replay starts one feature horizon (37 days: the 30-day window behind the 7-day label
 * delay) before the first compared row, so every window is complete without replaying all history.
 * Labels are published as known at their transaction's time; the 7-day delay is the feature's own.
 */
public final class ReferenceCheck {
  private static final FeatureSpec SPEC = FeatureSpecs.HANDBOOK;
  private static final int EXAMPLES = 10;
  private static final String JOB = "riskstream-check-reference";

  /** What the check found; {@link #summary()} is the command's last line. */
  public record Result(
      long rows,
      long mismatches,
      long simultaneousRows,
      long replayed,
      double seconds,
      List<String> examples) {
    public String summary() {
      return String.format(
          Locale.ROOT,
          "rows=%d mismatches=%d simultaneous_rows=%d replayed=%d seconds=%.1f",
          rows,
          mismatches,
          simultaneousRows,
          replayed,
          seconds);
    }
  }

  private ReferenceCheck() {}

  /**
   * @param columns where the transactions' fields are; empty: the handbook's header
   */
  public static Result run(
      Path transactions,
      Optional<ColumnMapping> columns,
      Path reference,
      long until,
      int parallelism,
      Path workDir,
      PrintWriter log)
      throws Exception {
    long start = System.nanoTime();
    HandbookReference expected = HandbookReference.load(reference, until);
    long replayFrom = FeatureReplay.warmUpStart(SPEC, expected.firstEventTime());
    log.printf(
        "reference: %,d rows; replaying transactions from %s to %s%n",
        expected.rows().size(),
        java.time.Instant.ofEpochMilli(replayFrom),
        java.time.Instant.ofEpochMilli(expected.lastEventTime()));
    log.flush();
    FeatureReplay.Slice slice =
        new FeatureReplay.Slice(
            List.of(transactions), columns, replayFrom, expected.lastEventTime(), Duration.ZERO);
    return FeatureReplay.run(
        slice,
        SPEC,
        parallelism,
        JOB,
        workDir,
        log,
        conf -> {},
        (txn, label) -> {},
        (features, settings, replayed) -> compare(expected, features, replayed, start));
  }

  private static Result compare(
      HandbookReference expected, DataStream<FeatureRecord> features, long replayed, long start)
      throws Exception {
    Map<String, double[]> computed = new HashMap<>();
    try (CloseableIterator<FeatureRecord> records = features.executeAndCollect(JOB)) {
      while (records.hasNext()) {
        FeatureRecord record = records.next();
        if (expected.rows().containsKey(record.transactionId)) {
          computed.putIfAbsent(record.transactionId, record.values);
        }
      }
    }
    FeatureComparison comparison = new FeatureComparison(SPEC);
    SimultaneousRows simultaneous = new SimultaneousRows(SPEC);
    List<String> examples = new ArrayList<>();
    Set<String> tied = new HashSet<>();
    long mismatches = 0;
    for (List<String> group : expected.simultaneous().values()) {
      tied.addAll(group);
      if (!simultaneous.matchSomeOrder(rowsOf(group, expected.rows()), rowsOf(group, computed))) {
        mismatches += group.size();
        note(examples, "simultaneous transactions " + group + " match in no order");
      }
    }
    for (Map.Entry<String, double[]> row : expected.rows().entrySet()) {
      if (tied.contains(row.getKey())) {
        continue;
      }
      double[] actual = computed.get(row.getKey());
      List<String> differences =
          actual == null
              ? List.of("never computed")
              : comparison.differences(row.getValue(), actual);
      if (!differences.isEmpty()) {
        mismatches++;
        note(examples, "transaction " + row.getKey() + ": " + differences);
      }
    }
    return new Result(
        expected.rows().size(),
        mismatches,
        tied.size(),
        replayed,
        (System.nanoTime() - start) / 1e9,
        examples);
  }

  private static List<double[]> rowsOf(List<String> ids, Map<String, double[]> values) {
    List<double[]> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(values.get(id));
    }
    return rows;
  }

  private static void note(List<String> examples, String example) {
    if (examples.size() < EXAMPLES) {
      examples.add(example);
    }
  }
}
