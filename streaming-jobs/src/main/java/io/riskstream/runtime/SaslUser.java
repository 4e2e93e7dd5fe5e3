package io.riskstream.runtime;

import io.riskstream.kafka.KafkaProperties;
import java.util.Map;

/**
 * The one user of an {@link EmbeddedKafka} started with a SASL/PLAIN listener.
 *
 * @param name the user name (letters, digits, '-' and '_': it becomes part of a JAAS option name)
 * @param password the password
 */
public record SaslUser(String name, String password) {
  public SaslUser {
    if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("SASL user name must be letters, digits, - or _");
    }
    if (password == null || password.isEmpty() || password.contains("\"")) {
      throw new IllegalArgumentException("SASL password must be non-empty and without quotes");
    }
  }

  /** The client properties that log this user in (what an operator's --kafka-config holds). */
  public KafkaProperties clientProperties() {
    return KafkaProperties.of(
        Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                    + name
                    + "\" password=\""
                    + password
                    + "\";"));
  }

  /** The name only: the password stays out of logs and assertion messages. */
  @Override
  public String toString() {
    return "SaslUser[" + name + "]";
  }
}
