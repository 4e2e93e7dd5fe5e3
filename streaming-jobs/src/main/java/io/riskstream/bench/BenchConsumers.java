package io.riskstream.bench;

import io.riskstream.kafka.KafkaClients;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The benches' read_committed consumers of a job's output. */
final class BenchConsumers {
  private BenchConsumers() {}

  /**
   * A consumer of every partition of {@code topic} from its end as of now: it sees only what is
   * written after this call. The end is resolved here, before the job under test writes.
   */
  static KafkaConsumer<byte[], byte[]> atEnd(String bootstrap, String topic) {
    KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(bootstrap);
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}
