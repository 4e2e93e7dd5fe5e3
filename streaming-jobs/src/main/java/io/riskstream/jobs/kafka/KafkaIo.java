package io.riskstream.jobs.kafka;

import io.riskstream.jobs.PlatformSettings;
import io.riskstream.schemas.Topic;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The Kafka sources and sinks of the jobs, configured one way everywhere. */
public final class KafkaIo {
  private KafkaIo() {}

  /**
   * A source of raw records that resumes from the group's committed offsets and starts a topic it
   * has never read from the beginning (never "latest": records produced before the job started must
   * not be skipped). It reads only committed records of transactional producers.
   */
  public static KafkaSource<KafkaRecord> source(
      PlatformSettings settings, Topic topic, String groupId) {
    return source(
        settings,
        topic,
        groupId,
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
  }

  /** A source that always reads the whole topic, e.g. to rebuild the model from model-updates. */
  public static KafkaSource<KafkaRecord> fromBeginning(
      PlatformSettings settings, Topic topic, String groupId) {
    return source(settings, topic, groupId, OffsetsInitializer.earliest());
  }

  /** A source that reads the topic from the beginning up to its end at start, then finishes. */
  public static KafkaSource<KafkaRecord> untilCurrentEnd(
      PlatformSettings settings, Topic topic, String groupId) {
    // A replay reads a fixed range: there is no consumer position worth committing.
    return builder(settings, topic, groupId, OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setProperty("commit.offsets.on.checkpoint", "false")
        .build();
  }

  private static KafkaSource<KafkaRecord> source(
      PlatformSettings settings, Topic topic, String groupId, OffsetsInitializer offsets) {
    return builder(settings, topic, groupId, offsets).build();
  }

  private static KafkaSourceBuilder<KafkaRecord> builder(
      PlatformSettings settings, Topic topic, String groupId, OffsetsInitializer offsets) {
    // The operator's properties first: the builder's own settings below take precedence.
    return KafkaSource.<KafkaRecord>builder()
        .setProperties(settings.kafkaProperties().addTo(new Properties()))
        .setBootstrapServers(settings.bootstrapServers())
        .setTopics(topic.topicName())
        .setGroupId(groupId)
        .setStartingOffsets(offsets)
        .setDeserializer(new KafkaRecordDeserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("partition.discovery.interval.ms", "10000");
  }

  /**
   * A sink of Avro records to one topic. Exactly-once sinks write in Kafka transactions committed
   * with each checkpoint; their timeout stays below the broker's default maximum of 15 minutes.
   * Their writers never fail in close, which would end the TaskManager (see {@link
   * CloseSafeKafkaSink}).
   */
  public static <T extends SpecificRecordBase> CloseSafeKafkaSink<T> sink(
      PlatformSettings settings,
      Topic topic,
      Class<T> type,
      SerializableFunction<T, String> key,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix) {
    return sink(settings, topic.topicName(), type, key, guarantee, transactionalIdPrefix);
  }

  /** A sink to a topic outside {@link Topic}, e.g. a benchmark's, configured the same way. */
  public static <T extends SpecificRecordBase> CloseSafeKafkaSink<T> sink(
      PlatformSettings settings,
      String topic,
      Class<T> type,
      SerializableFunction<T, String> key,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix) {
    Properties producer = settings.kafkaProperties().addTo(new Properties());
    producer.setProperty("transaction.timeout.ms", "600000");
    producer.putIfAbsent("linger.ms", "5");
    return new CloseSafeKafkaSink<>(
        KafkaSink.<T>builder()
            .setBootstrapServers(settings.bootstrapServers())
            .setRecordSerializer(new AvroRecordSerializer<>(topic, type, key))
            .setDeliveryGuarantee(guarantee)
            .setTransactionalIdPrefix(transactionalIdPrefix)
            .setKafkaProducerConfig(producer)
            .build());
  }
}
