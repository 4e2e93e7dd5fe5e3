package io.riskstream.cli;

import io.riskstream.runtime.BrokerProbe;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of every command that talks to an existing Kafka cluster (a picocli mixin). */
public final class KafkaOptions {
  @Option(
      names = "--bootstrap",
      defaultValue = "127.0.0.1:9092",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  public String bootstrap() {
    return bootstrap;
  }

  /**
   * Why {@code topic} cannot be used at these servers, checked up front so that a wrong address or
   * a missing topic is one clear line instead of a Kafka client waiting for a minute.
   */
  public Optional<String> whyUnusable(Topic topic) {
    if (!BrokerProbe.answers(bootstrap, PROBE_TIMEOUT)) {
      return Optional.of("Kafka does not answer at " + bootstrap);
    }
    if (!BrokerProbe.topicExists(bootstrap, topic.topicName(), PROBE_TIMEOUT)) {
      return Optional.of("topic " + topic.topicName() + " does not exist at " + bootstrap);
    }
    return Optional.empty();
  }
}
