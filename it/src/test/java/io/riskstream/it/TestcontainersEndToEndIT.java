package io.riskstream.it;

import java.nio.file.Path;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same end-to-end loop against Apache Kafka's container image, where a Docker engine exists;
 * skipped (not failed) where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEndToEndIT extends EndToEndTestBase {
  @Override
  KafkaFixture startKafka(Path dataDir) {
    return new TestcontainersKafkaFixture();
  }
}
