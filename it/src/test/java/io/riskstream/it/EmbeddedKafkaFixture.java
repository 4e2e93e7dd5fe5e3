package io.riskstream.it;

import io.riskstream.runtime.EmbeddedKafka;
import java.nio.file.Path;

/** The same child-JVM KRaft broker that {@code ./riskstream demo} runs. */
final class EmbeddedKafkaFixture implements KafkaFixture {
  private final EmbeddedKafka kafka;

  EmbeddedKafkaFixture(Path dataDir) throws Exception {
    kafka = EmbeddedKafka.start(dataDir);
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
