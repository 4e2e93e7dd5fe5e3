package io.riskstream.bench;

import io.riskstream.ingest.ColumnMapping;
import io.riskstream.ingest.CsvRow;
import io.riskstream.ingest.TransactionCsvReader;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Reads the CSV once: publishes its first transactions with their labels (known at the
 * transaction's time, as the reference check does) for the replays, and keeps the rows after them
 * for the live phase, which stamps them with the wall clock.
 *
 * @param published transactions (and as many labels) on the topics
 * @param livePool rows for the live phase; empty when the file has nothing after the replayed rows
 */
record BenchData(long published, List<Transaction> livePool) {

  static BenchData publish(
      Path file, Optional<ColumnMapping> columns, String bootstrap, long limit, int livePoolSize)
      throws IOException {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Label> labels = AvroCodec.of(Label.class);
    List<Transaction> pool = new ArrayList<>();
    long published = 0;
    try (TransactionCsvReader reader = TransactionCsvReader.open(file, Duration.ZERO, columns);
        KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      if (!reader.hasLabels()) {
        throw new IllegalArgumentException(file + " has no fraud column, so it has no labels");
      }
      CsvRow row;
      while ((row = reader.next()) != null && pool.size() < livePoolSize) {
        if (!(row instanceof CsvRow.Valid valid)) {
          throw new IllegalArgumentException(file + " " + row);
        }
        Transaction txn = valid.transaction();
        if (published == limit) {
          pool.add(txn);
          continue;
        }
        Label label = valid.label().orElseThrow();
        producer.send(record(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn)));
        producer.send(record(Topic.LABELS, label.getTransactionId(), labels.encode(label)));
        published++;
      }
      producer.flush();
    }
    return new BenchData(published, pool);
  }

  private static ProducerRecord<byte[], byte[]> record(Topic topic, String key, byte[] value) {
    return new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value);
  }
}
