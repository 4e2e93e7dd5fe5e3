package io.riskstream.kafka;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The platform's Kafka clients. Values are Avro single-object encoded bytes (see {@code
 * AvroCodec}), keys are UTF-8 ids, so both sides use raw byte arrays. The operator's {@link
 * KafkaProperties} (SASL, SSL...) go in first; the platform's own settings cannot be overridden.
 */
public final class KafkaClients {
  private KafkaClients() {}

  /** An idempotent producer that waits for all in-sync replicas. */
  public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    return producer(bootstrapServers, KafkaProperties.none());
  }

  /** An idempotent producer that waits for all in-sync replicas, with the operator's properties. */
  public static KafkaProducer<byte[], byte[]> producer(
      String bootstrapServers, KafkaProperties client) {
    Properties props = client.addTo(new Properties());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  /**
   * A consumer outside any consumer group's offsets (a fresh group id, no commits) that only sees
   * committed records, so it reads what downstream systems would read.
   */
  public static KafkaConsumer<byte[], byte[]> readCommittedConsumer(String bootstrapServers) {
    return readCommittedConsumer(bootstrapServers, KafkaProperties.none());
  }

  /** {@link #readCommittedConsumer(String)} with the operator's properties. */
  public static KafkaConsumer<byte[], byte[]> readCommittedConsumer(
      String bootstrapServers, KafkaProperties client) {
    Properties props = client.addTo(new Properties());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "riskstream-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(props);
  }
}
