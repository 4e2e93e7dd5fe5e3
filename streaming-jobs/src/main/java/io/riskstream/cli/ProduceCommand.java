package io.riskstream.cli;

import io.riskstream.ingest.CsvRow;
import io.riskstream.ingest.TransactionCsvReader;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream produce}: sends the rows of a transaction CSV to Kafka as Avro records. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a transaction CSV (fraud-handbook or generic format, or any header through"
          + " --columns; .gz allowed) and produces its transactions or labels to Kafka.",
      "Bad rows are reported on stderr as 'line N: reason' and skipped.",
      "Exit status: 0 all rows produced, 1 some rows rejected, 2 usage or setup error."
    })
public final class ProduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--topic",
      required = true,
      description = "transactions or labels.",
      paramLabel = "TOPIC")
  String topic;

  @Option(names = "--file", required = true, description = "The CSV file.", paramLabel = "F")
  Path file;

  @Mixin ColumnsOption columns;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--label-delay",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description = "Label time = event time + this, e.g. 7d (default: ${DEFAULT-VALUE}).")
  Duration labelDelay;

  @Option(names = "--limit", description = "Produce at most N records.", paramLabel = "N")
  Long limit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topic target;
    try {
      target = Topic.byName(topic);
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    if (target != Topic.TRANSACTIONS && target != Topic.LABELS) {
      return usageError("produce writes only to transactions or labels, not " + topic);
    }
    if (!Files.isRegularFile(file)) {
      return usageError("no such file: " + file);
    }
    if (limit != null && limit < 0) {
      return usageError("--limit must be >= 0");
    }
    try (TransactionCsvReader reader =
        TransactionCsvReader.open(file, labelDelay, columns.mapping())) {
      if (target == Topic.LABELS && !reader.hasLabels()) {
        return usageError(file + " has no fraud column, so it has no labels");
      }
      // After the header: a file that cannot be read is the error to fix first.
      Optional<String> unusable = kafka.whyUnusable(target);
      if (unusable.isPresent()) {
        return usageError(unusable.get());
      }
      Counts counts = send(reader, target, err);
      out.printf(
          "produced=%d rejected=%d topic=%s%n",
          counts.produced, counts.rejected, target.topicName());
      out.flush();
      return counts.rejected == 0 ? 0 : 1;
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
  }

  private Counts send(TransactionCsvReader reader, Topic target, PrintWriter err)
      throws IOException {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    AtomicLong acknowledged = new AtomicLong();
    AtomicReference<Exception> sendFailure = new AtomicReference<>();
    long rejected = 0;
    long sent = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaClients.producer(kafka.bootstrap(), kafka.clientProperties())) {
      CsvRow row;
      while ((limit == null || sent < limit)
          && sendFailure.get() == null
          && (row = reader.next()) != null) {
        if (row instanceof CsvRow.Rejected) {
          rejected++;
          err.println(row);
          continue;
        }
        CsvRow.Valid valid = (CsvRow.Valid) row;
        ProducerRecord<byte[], byte[]> record;
        if (target == Topic.TRANSACTIONS) {
          Transaction tx = valid.transaction();
          record = record(target, tx.getCardId(), transactions.encode(tx));
        } else {
          Label label = valid.label().orElseThrow();
          record = record(target, label.getTransactionId(), labels.encode(label));
        }
        producer.send(
            record,
            (metadata, exception) -> {
              if (exception == null) {
                acknowledged.incrementAndGet();
              } else {
                sendFailure.compareAndSet(null, exception);
              }
            });
        sent++;
      }
      producer.flush();
    }
    if (sendFailure.get() != null) {
      err.println("riskstream produce: sending failed: " + sendFailure.get().getMessage());
      rejected += sent - acknowledged.get();
    }
    err.flush();
    return new Counts(acknowledged.get(), rejected);
  }

  private static ProducerRecord<byte[], byte[]> record(
      Topic topic, CharSequence key, byte[] value) {
    return new ProducerRecord<>(
        topic.topicName(), key.toString().getBytes(StandardCharsets.UTF_8), value);
  }

  private int usageError(String message) {
    return CliSupport.usageError(spec, "produce", message);
  }

  private record Counts(long produced, long rejected) {}
}
