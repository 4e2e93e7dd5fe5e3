package io.riskstream.runtime;

import io.riskstream.kafka.KafkaProperties;
import io.riskstream.schemas.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every topic of {@link Topic} on a cluster; topics that already exist are left alone. */
public final class TopicSetup {
  private static final short REPLICATION = 1;

  private TopicSetup() {}

  public static void createAll(String bootstrapServers, int partitions) {
    createAll(bootstrapServers, KafkaProperties.none(), partitions);
  }

  /**
   * Creates the topics that are missing, with the operator's client properties (SASL, SSL...).
   *
   * @return how many topics were created (0 when all existed)
   */
  public static int createAll(String bootstrapServers, KafkaProperties client, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    List<NewTopic> topics = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      topics.add(newTopic(topic, partitions));
    }
    Properties props = client.addTo(new Properties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    int created = 0;
    try (Admin admin = Admin.create(props)) {
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          created++;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating topics at " + bootstrapServers, e);
    }
    return created;
  }

  // model-updates is a total order of versions (one partition) whose newest record per group is
  // the current model (compaction); model-events is the model's history and model-control the
  // operators' requests, each in order (one partition); every other topic scales with the job's
  // parallelism.
  static NewTopic newTopic(Topic topic, int partitions) {
    if (topic == Topic.MODEL_UPDATES) {
      return new NewTopic(topic.topicName(), 1, REPLICATION)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    if (topic == Topic.MODEL_EVENTS || topic == Topic.MODEL_CONTROL) {
      return new NewTopic(topic.topicName(), 1, REPLICATION);
    }
    return new NewTopic(topic.topicName(), partitions, REPLICATION);
  }
}
