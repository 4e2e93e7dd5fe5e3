package io.riskstream.check;

import io.riskstream.features.FeatureRecord;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.ingest.CsvRow;
import io.riskstream.ingest.TransactionCsvReader;
import io.riskstream.jobs.FeatureStages;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

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

  public static Result run(
      Path transactions, Path reference, long until, int parallelism, Path workDir, PrintWriter log)
      throws Exception {
    long start = System.nanoTime();
    HandbookReference expected = HandbookReference.load(reference, until);
    long replayFrom =
        expected.firstEventTime() - longestHorizon().toMillis() - Duration.ofDays(1).toMillis();
    log.printf(
        "reference: %,d rows; replaying transactions from %s to %s%n",
        expected.rows().size(),
        java.time.Instant.ofEpochMilli(replayFrom),
        java.time.Instant.ofEpochMilli(expected.lastEventTime()));
    log.flush();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
      TopicSetup.createAll(kafka.bootstrapServers(), parallelism);
      long replayed =
          publish(transactions, kafka.bootstrapServers(), replayFrom, expected.lastEventTime());
      log.printf(
          "published %,d transactions and their labels; running the feature job%n", replayed);
      log.flush();
      PlatformSettings settings =
          PlatformSettings.defaults(kafka.bootstrapServers())
              .withFeatures(SPEC)
              .withParallelism(parallelism);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.getExecutionEnvironment(
              JobGraphs.configuration(
                  "riskstream-check-reference", settings, workDir.resolve("checkpoints")));
      env.setParallelism(parallelism);
      return compare(
          expected,
          FeatureStages.replayOfTopics(env, settings, "riskstream-check-reference"),
          replayed,
          start);
    }
  }

  private static Result compare(
      HandbookReference expected, DataStream<FeatureRecord> features, long replayed, long start)
      throws Exception {
    Map<String, double[]> computed = new HashMap<>();
    try (CloseableIterator<FeatureRecord> records =
        features.executeAndCollect("riskstream-check-reference")) {
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

  private static long publish(Path file, String bootstrap, long from, long until)
      throws IOException {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    long published = 0;
    try (TransactionCsvReader reader = TransactionCsvReader.open(file, Duration.ZERO);
        KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      if (!reader.format().hasLabels()) {
        throw new IllegalArgumentException(file + " has no fraud column, so it has no labels");
      }
      CsvRow row;
      while ((row = reader.next()) != null) {
        if (!(row instanceof CsvRow.Valid valid)) {
          throw new IllegalArgumentException(file + " " + row);
        }
        Transaction txn = valid.transaction();
        if (txn.getEventTime() < from || txn.getEventTime() > until) {
          continue;
        }
        Label label = valid.label().orElseThrow();
        producer.send(record(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn)));
        producer.send(record(Topic.LABELS, label.getTransactionId(), labels.encode(label)));
        published++;
      }
      producer.flush();
    }
    return published;
  }

  private static ProducerRecord<byte[], byte[]> record(Topic topic, String key, byte[] value) {
    return new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static Duration longestHorizon() {
    Duration longest = Duration.ZERO;
    for (var entity : SPEC.entities()) {
      Duration horizon = SPEC.horizon(entity);
      longest = horizon.compareTo(longest) > 0 ? horizon : longest;
    }
    return longest;
  }
}
