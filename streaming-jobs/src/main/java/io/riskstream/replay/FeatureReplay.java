package io.riskstream.replay;

import io.riskstream.features.FeatureRecord;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.ingest.ColumnMapping;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Replays a slice of historic transactions and their labels through a real broker and the real
 * feature stages (RocksDB state, event-time order), exactly as the scoring job computes features:
 * the reference check and offline training both run on it, so what they check or learn from is what
 * scores.
 */
public final class FeatureReplay {

  /**
   * What to publish: the rows of {@code files}, read in turn (through {@code columns} where given),
   * whose event time is in {@code [from, until]}, each with its label at event time plus {@code
   * labelDelay}.
   */
  public record Slice(
      List<Path> files,
      Optional<ColumnMapping> columns,
      long from,
      long until,
      Duration labelDelay) {
    public Slice {
      files = List.copyOf(files);
    }
  }

  /** What runs on the replayed features, once the topics hold the slice. */
  public interface Job<T> {
    T run(DataStream<FeatureRecord> features, PlatformSettings settings, long published)
        throws Exception;
  }

  private FeatureReplay() {}

  /**
   * Where a replay must start so that every window of {@code spec} is complete at {@code
   * firstNeeded}: one feature horizon (the longest window behind its label delay) and a day before.
   */
  public static long warmUpStart(FeatureSpec spec, long firstNeeded) {
    Duration longest = Duration.ZERO;
    for (var entity : spec.entities()) {
      Duration horizon = spec.horizon(entity);
      longest = horizon.compareTo(longest) > 0 ? horizon : longest;
    }
    return firstNeeded - longest.toMillis() - Duration.ofDays(1).toMillis();
  }

  /**
   * Starts a broker in {@code workDir}, publishes the slice, and hands {@code job} the feature
   * stages of {@code spec} over it in replay mode (event time alone drives the watermarks).
   *
   * @param tuning changes the job configuration, e.g. the state backend; a no-op for the platform's
   * @param published told each published transaction and its label, e.g. to keep the labels
   */
  public static <T> T run(
      Slice slice,
      FeatureSpec spec,
      int parallelism,
      String jobName,
      Path workDir,
      PrintWriter log,
      Consumer<Configuration> tuning,
      BiConsumer<Transaction, Label> published,
      Job<T> job)
      throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
      TopicSetup.createAll(kafka.bootstrapServers(), parallelism);
      long count = publish(slice, kafka.bootstrapServers(), published);
      log.printf("published %,d transactions and their labels; running the feature job%n", count);
      log.flush();
      PlatformSettings settings =
          PlatformSettings.defaults(kafka.bootstrapServers())
              .withFeatures(spec)
              .withParallelism(parallelism);
      Configuration conf =
          JobGraphs.configuration(jobName, settings, workDir.resolve("checkpoints"));
      tuning.accept(conf);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(parallelism);
      return job.run(FeatureStages.replayOfTopics(env, settings, jobName), settings, count);
    }
  }

  private static long publish(
      Slice slice, String bootstrap, BiConsumer<Transaction, Label> published) throws IOException {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    long count = 0;
    long newest = Long.MIN_VALUE;
    Path newestFile = null;
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      for (Path file : slice.files()) {
        boolean first = true;
        try (TransactionCsvReader reader =
            TransactionCsvReader.open(file, slice.labelDelay(), slice.columns())) {
          if (!reader.hasLabels()) {
            throw new IllegalArgumentException(file + " has no fraud column, so it has no labels");
          }
          CsvRow row;
          while ((row = reader.next()) != null) {
            if (!(row instanceof CsvRow.Valid valid)) {
              throw new IllegalArgumentException(file + " " + row);
            }
            Transaction txn = valid.transaction();
            if (txn.getEventTime() < slice.from() || txn.getEventTime() > slice.until()) {
              continue;
            }
            if (first && txn.getEventTime() < newest) {
              // The stages would take the whole file for late data.
              throw new IllegalArgumentException(
                  file
                      + " starts at "
                      + Instant.ofEpochMilli(txn.getEventTime())
                      + ", before "
                      + newestFile
                      + " ends ("
                      + Instant.ofEpochMilli(newest)
                      + "): give the files in time order");
            }
            first = false;
            Label label = valid.label().orElseThrow();
            producer.send(record(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn)));
            producer.send(record(Topic.LABELS, label.getTransactionId(), labels.encode(label)));
            published.accept(txn, label);
            newest = Math.max(newest, txn.getEventTime());
            newestFile = file;
            count++;
          }
        }
      }
      producer.flush();
    }
    return count;
  }

  private static ProducerRecord<byte[], byte[]> record(Topic topic, String key, byte[] value) {
    return new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value);
  }
}
