package io.riskstream.bench;

import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.Topic;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** The bench's topic chores on its broker. */
final class BenchTopics {
  private BenchTopics() {}

  /** The platform's topics plus the pass-through job's output, all with {@code partitions}. */
  static void create(String bootstrap, int partitions) throws Exception {
    TopicSetup.createAll(bootstrap, partitions);
    try (Admin admin = admin(bootstrap)) {
      admin
          .createTopics(List.of(new NewTopic(BenchJobs.PASSTHROUGH_TOPIC, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Makes the broker stamp each record of {@code topics} with the time it appended it, overriding
   * the producer's timestamp: the moment a read_uncommitted consumer could read it. A Flink sink
   * writes the record's event timestamp, which says nothing about when the job wrote it.
   */
  static void stampOnAppend(String bootstrap, String... topics) throws Exception {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String topic : topics) {
      changes.put(
          new ConfigResource(ConfigResource.Type.TOPIC, topic),
          List.of(
              new AlterConfigOp(
                  new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"),
                  AlterConfigOp.OpType.SET)));
    }
    try (Admin admin = admin(bootstrap)) {
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Empties topics by moving their start to their end, so the live job (which starts a new group at
   * the earliest offset) sees only the live phase's records, not the replayed history.
   */
  static void truncate(String bootstrap, int partitions, Topic... topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = admin(bootstrap)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (Topic topic : topics) {
        for (int p = 0; p < partitions; p++) {
          latest.put(new TopicPartition(topic.topicName(), p), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end.offset())));
      admin.deleteRecords(delete).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static Admin admin(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(props);
  }
}
