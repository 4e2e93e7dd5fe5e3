package io.riskstream.it;

import java.nio.file.Path;

/** The end-to-end loop against the child-JVM KRaft broker the demo uses: runs everywhere. */
class EmbeddedBrokerEndToEndIT extends EndToEndTestBase {
  @Override
  KafkaFixture startKafka(Path dataDir) throws Exception {
    return new EmbeddedKafkaFixture(dataDir);
  }
}
