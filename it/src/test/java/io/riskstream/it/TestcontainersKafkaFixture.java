package io.riskstream.it;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Apache Kafka's own image in a container, for machines with a Docker engine. */
final class TestcontainersKafkaFixture implements KafkaFixture {
  private final KafkaContainer kafka =
      new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"))
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");

  TestcontainersKafkaFixture() {
    kafka.start();
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public void close() {
    kafka.stop();
  }
}
