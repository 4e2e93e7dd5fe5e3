package io.riskstream.cli;

import io.riskstream.kafka.KafkaProperties;
import io.riskstream.runtime.BrokerProbe;
import io.riskstream.schemas.Topic;
import java.nio.file.Path;
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

  @Option(
      names = {"--kafka-config", "--config"},
      paramLabel = "FILE",
      description =
          "Kafka client properties for every client (Java properties of plain Kafka keys, e.g."
              + " security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.location).")
  Path kafkaConfig;

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private KafkaProperties clientProperties;

  public String bootstrap() {
    return bootstrap;
  }

  /**
   * The properties of {@code --kafka-config}, none without it.
   *
   * @throws IllegalArgumentException naming the file and the rejected key (never a value)
   */
  public KafkaProperties clientProperties() {
    if (clientProperties == null) {
      clientProperties =
          kafkaConfig == null ? KafkaProperties.none() : KafkaProperties.load(kafkaConfig);
    }
    return clientProperties;
  }

  /**
   * Why {@code topic} cannot be used at these servers, checked up front so that a wrong address or
   * a missing topic is one clear line instead of a Kafka client waiting for a minute.
   */
  public Optional<String> whyUnusable(Topic topic) {
    Optional<String> unreachable = whyUnreachable();
    if (unreachable.isPresent()) {
      return unreachable;
    }
    if (!BrokerProbe.topicExists(bootstrap, clientProperties(), topic.topicName(), PROBE_TIMEOUT)) {
      return Optional.of("topic " + topic.topicName() + " does not exist at " + bootstrap);
    }
    return Optional.empty();
  }

  /** Why the cluster cannot be used at all: it does not answer, or not to these credentials. */
  public Optional<String> whyUnreachable() {
    if (!BrokerProbe.answers(bootstrap, clientProperties(), PROBE_TIMEOUT)) {
      String hint =
          kafkaConfig == null
              ? " (does it need SASL/SSL settings? pass them with --kafka-config FILE)"
              : " with the settings of " + kafkaConfig;
      return Optional.of("Kafka does not answer at " + bootstrap + hint);
    }
    return Optional.empty();
  }
}
