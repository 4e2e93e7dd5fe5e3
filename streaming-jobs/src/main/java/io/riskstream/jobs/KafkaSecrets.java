package io.riskstream.jobs;

import io.riskstream.kafka.KafkaProperties;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the operator's Kafka client properties reach a job whose {@code main} runs on the cluster
 * ({@code riskstream deploy}, Flink's {@code /jars/:id/run}): as entries of the job's Flink
 * configuration named {@code riskstream.kafka.secret.<kafka key>}.
 *
 * <p>Why this channel: program arguments are not masked anywhere (Flink shows and may log them),
 * and a file path would have to exist on the JobManager. Flink masks the value of every
 * configuration key containing "secret" (GlobalConfiguration.isSensitive) wherever it shows a
 * configuration: the web UI, {@code /jobs/:id/jobmanager/config}, its logs. Kafka's own secret keys
 * (e.g. {@code ssl.keystore.key}) do not all contain a word Flink knows, so every property gets the
 * "secret" prefix, not only the obvious ones.
 */
public final class KafkaSecrets {
  /** The Flink configuration prefix; the Kafka client key follows it unchanged. */
  public static final String PREFIX = "riskstream.kafka.secret.";

  private KafkaSecrets() {}

  /** The entries to add to a job's Flink configuration. */
  public static Map<String, String> toFlinkConfiguration(KafkaProperties properties) {
    Map<String, String> entries = new TreeMap<>();
    properties.asMap().forEach((key, value) -> entries.put(PREFIX + key, value));
    return entries;
  }

  /**
   * The Kafka properties among a Flink configuration's entries.
   *
   * @throws IllegalArgumentException naming a rejected key (never its value)
   */
  public static KafkaProperties fromFlinkConfiguration(Map<String, String> configuration) {
    Map<String, String> properties = new TreeMap<>();
    configuration.forEach(
        (key, value) -> {
          if (key.startsWith(PREFIX)) {
            properties.put(key.substring(PREFIX.length()), value);
          }
        });
    return KafkaProperties.of(properties);
  }
}
