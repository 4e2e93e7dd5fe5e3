package io.riskstream.it;

/** A real Kafka broker for a test: a child JVM here, a container where Docker exists. */
interface KafkaFixture extends AutoCloseable {
  String bootstrapServers();

  @Override
  void close() throws Exception;
}
