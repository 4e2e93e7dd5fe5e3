package io.riskstream.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per group: how many records each job's sources are behind the end of their topics,
 * from the offsets the Flink Kafka sources commit at every checkpoint. Read through the admin API,
 * so it works against any deployment.
 */
final class ConsumerLag implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 5;

  // The last stable offset: a transactional topic's plain end counts its commit markers as lag.
  private static final ListOffsetsOptions COMMITTED_END =
      new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);

  private final Admin admin;
  private final List<String> groupPrefixes;

  ConsumerLag(Map<String, String> kafka, List<String> groupPrefixes) {
    Properties props = new Properties();
    props.putAll(kafka);
    this.admin = Admin.create(props);
    this.groupPrefixes = List.copyOf(groupPrefixes);
  }

  /** Records behind per consumer group whose id starts with one of the prefixes. */
  Map<String, Long> lagByGroup() throws Exception {
    Map<String, Long> lag = new TreeMap<>();
    for (ConsumerGroupListing group :
        admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      String id = group.groupId();
      if (groupPrefixes.stream().noneMatch(id::startsWith)) {
        continue;
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(id)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest, COMMITTED_END).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long behind = 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (e.getValue() != null && ends.containsKey(e.getKey())) {
          behind += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
      }
      lag.put(id, behind);
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
