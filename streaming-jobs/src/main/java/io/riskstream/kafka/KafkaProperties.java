package io.riskstream.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client properties the operator adds to every client of the platform (CLI producers and
 * consumers, admin clients, the jobs' sources and sinks): typically {@code security.protocol},
 * {@code sasl.*} and {@code ssl.*}. The file format is a Java properties file of plain Kafka client
 * keys, e.g. {@code sasl.jaas.config=...}.
 *
 * <p>Values are treated as secrets, all of them: Kafka's secret-bearing keys are open-ended ({@code
 * sasl.jaas.config}, {@code ssl.keystore.key}, {@code ssl.*.password}, OAuth client secrets...), so
 * {@link #toString()} shows keys only and no error message quotes a value.
 */
public final class KafkaProperties implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Keys the platform sets itself: its serializers, consumer groups, transactions and read
   * isolation are what exactly-once and the record formats rest on.
   */
  static final Set<String> OWNED =
      Set.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.GROUP_ID_CONFIG,
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
          ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          ProducerConfig.ACKS_CONFIG);

  private static final KafkaProperties NONE = new KafkaProperties(new TreeMap<>());

  // A TreeMap: serializable, and sorted so that toString and equality do not depend on file order.
  private final TreeMap<String, String> values;

  private KafkaProperties(TreeMap<String, String> values) {
    this.values = values;
  }

  /** No additional properties: a plaintext cluster without authentication. */
  public static KafkaProperties none() {
    return NONE;
  }

  /**
   * Checked properties.
   *
   * @throws IllegalArgumentException naming the first key the platform owns or Kafka does not know
   *     (never its value)
   */
  public static KafkaProperties of(Map<String, String> properties) {
    TreeMap<String, String> values = new TreeMap<>();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      String key = entry.getKey().trim();
      if (OWNED.contains(key)) {
        throw new IllegalArgumentException(
            "Kafka property " + key + " is set by the platform and cannot be configured");
      }
      if (!known(key)) {
        throw new IllegalArgumentException("unknown Kafka client property " + key);
      }
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("Kafka property " + key + " has no value");
      }
      values.put(key, entry.getValue().trim());
    }
    return values.isEmpty() ? NONE : new KafkaProperties(values);
  }

  /**
   * The properties in {@code file} (Java properties format, plain Kafka client keys).
   *
   * @throws IllegalArgumentException when the file cannot be read or holds a rejected key; the
   *     message names the file and the key
   */
  public static KafkaProperties load(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read Kafka config " + file + ": " + e);
    } catch (IllegalArgumentException e) {
      // Properties.load reports a malformed \\uXXXX escape; its message holds no value.
      throw new IllegalArgumentException("malformed Kafka config " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
    try {
      return of(map);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  private static boolean known(String key) {
    return ProducerConfig.configNames().contains(key)
        || ConsumerConfig.configNames().contains(key)
        || AdminClientConfig.configNames().contains(key);
  }

  /** The properties, to be copied into a client's configuration before the platform's own. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(values);
  }

  /** Copies the properties into {@code target}; returns it. */
  public Properties addTo(Properties target) {
    target.putAll(values);
    return target;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KafkaProperties that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The keys only: values may be passwords or JAAS configurations. */
  @Override
  public String toString() {
    return "KafkaProperties" + new TreeSet<>(values.keySet()) + " (values hidden)";
  }
}
