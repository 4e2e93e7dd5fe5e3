package io.riskstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.jobs.KafkaSecrets;
import io.riskstream.jobs.PlatformSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's Kafka client properties: the file format, what is refused, what is hidden. */
class KafkaPropertiesTest {
  private static final String SECRET = "s3cr3t-Pa55";
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
          + " password=\""
          + SECRET
          + "\";";

  @TempDir Path dir;

  @Test
  void loadsPlainKafkaKeysFromAPropertiesFile() throws Exception {
    Path file = dir.resolve("kafka.properties");
    Files.writeString(
        file,
        "# SASL over TLS\n"
            + "security.protocol=SASL_SSL\n"
            + "sasl.mechanism=PLAIN\n"
            + "sasl.jaas.config="
            + JAAS
            + "\n"
            + "ssl.truststore.password = "
            + SECRET
            + "\n");

    KafkaProperties props = KafkaProperties.load(file);

    assertThat(props.asMap())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("ssl.truststore.password", SECRET);
    assertThat(props.addTo(new java.util.Properties())).hasSize(4);
  }

  @Test
  void platformOwnedAndUnknownKeysAreOneLineNamingTheKeyNotTheValue() throws Exception {
    for (String key :
        new String[] {
          "bootstrap.servers",
          "group.id",
          "isolation.level",
          "transactional.id",
          "enable.idempotence",
          "key.serializer",
          "value.deserializer"
        }) {
      assertThatThrownBy(() -> KafkaProperties.of(Map.of(key, SECRET)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Kafka property " + key + " is set by the platform and cannot be configured");
    }
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "sasl.jass.config=" + SECRET + "\n");
    assertThatThrownBy(() -> KafkaProperties.load(file))
        .hasMessage(file + ": unknown Kafka client property sasl.jass.config")
        .message()
        .doesNotContain(SECRET);
    assertThatThrownBy(() -> KafkaProperties.load(dir.resolve("missing")))
        .hasMessageStartingWith("cannot read Kafka config " + dir.resolve("missing"));
  }

  @Test
  void printingSettingsShowsKeysButNoValue() throws Exception {
    KafkaProperties props =
        KafkaProperties.of(Map.of("sasl.jaas.config", JAAS, "ssl.keystore.key", SECRET));
    PlatformSettings settings = PlatformSettings.defaults("k:9092").withKafkaProperties(props);

    assertThat(props.toString()).contains("sasl.jaas.config", "ssl.keystore.key");
    assertThat(settings.toString()).contains("sasl.jaas.config").doesNotContain(SECRET);
    assertThat(roundTrip(settings).kafkaProperties()).isEqualTo(props);
    assertThat(PlatformSettings.defaults("k:9092").kafkaProperties().isEmpty()).isTrue();
  }

  @Test
  void flinkConfigurationEntriesAreAllNamedSoFlinkMasksThem() {
    KafkaProperties props =
        KafkaProperties.of(Map.of("security.protocol", "SASL_SSL", "ssl.keystore.key", SECRET));
    Map<String, String> entries = KafkaSecrets.toFlinkConfiguration(props);

    assertThat(entries.keySet())
        .allSatisfy(
            key ->
                assertThat(org.apache.flink.configuration.GlobalConfiguration.isSensitive(key))
                    .as(key)
                    .isTrue());
    Map<String, String> flinkConf = new java.util.HashMap<>(entries);
    flinkConf.put("parallelism.default", "2");
    assertThat(KafkaSecrets.fromFlinkConfiguration(flinkConf)).isEqualTo(props);
  }

  private static PlatformSettings roundTrip(PlatformSettings settings) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(settings);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (PlatformSettings) in.readObject();
    }
  }
}
