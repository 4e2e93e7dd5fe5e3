package io.riskstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.CliRun;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that admits one SASL/PLAIN user: the platform's clients and the CLI work with the
 * operator's properties file and fail with one clear line without it, never printing the password.
 * (The jobs' Flink sources and sinks on this broker: DeployCommandTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaslKafkaTest {
  private static final String PASSWORD = "alice-Pa55word-7f3c";

  private Path dir;
  private EmbeddedKafka kafka;
  private Path config;

  @BeforeAll
  void startBroker(@TempDir Path dir) throws Exception {
    this.dir = dir;
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), new SaslUser("alice", PASSWORD));
    config = dir.resolve("kafka-client.properties");
    StringBuilder text = new StringBuilder("# the operator's file\n");
    kafka
        .clientProperties()
        .asMap()
        .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, text, StandardCharsets.UTF_8);
  }

  @AfterAll
  void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void clientsAndCliWorkWithTheOperatorsProperties() throws Exception {
    KafkaProperties props = KafkaProperties.load(config);
    String bootstrap = kafka.bootstrapServers();

    assertThat(TopicSetup.createAll(bootstrap, props, 1)).isEqualTo(Topic.values().length);
    assertThat(TopicSetup.createAll(bootstrap, props, 1)).as("all exist now").isZero();
    AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
    Transaction txn =
        Transaction.newBuilder()
            .setTransactionId("sasl-t1")
            .setCardId("c1")
            .setTerminalId("m1")
            .setAmount(12.5)
            .setEventTime(1000L)
            .build();
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap, props)) {
      producer
          .send(
              new ProducerRecord<>(
                  Topic.TRANSACTIONS.topicName(), "c1".getBytes(), codec.encode(txn)))
          .get();
    }

    CliRun tail =
        CliRun.of(
            "tail",
            "transactions",
            "--bootstrap",
            bootstrap,
            "--kafka-config",
            config.toString(),
            "--max",
            "1");

    assertThat(tail.exit()).as(tail.err()).isZero();
    assertThat(tail.out()).contains("\"transactionId\": \"sasl-t1\"");
    assertThat(tail.out() + tail.err()).doesNotContain(PASSWORD);
  }

  @Test
  void withoutThePropertiesClientsFailWithOneLine() throws Exception {
    assertThat(
            BrokerProbe.answers(
                kafka.bootstrapServers(), KafkaProperties.none(), Duration.ofSeconds(3)))
        .isFalse();
    KafkaProperties wrong =
        new SaslUser("alice", "not-" + PASSWORD.substring(4)).clientProperties();
    assertThat(BrokerProbe.answers(kafka.bootstrapServers(), wrong, Duration.ofSeconds(3)))
        .as("a wrong password is refused")
        .isFalse();

    CliRun tail =
        CliRun.of("tail", "transactions", "--bootstrap", kafka.bootstrapServers(), "--max", "1");

    assertThat(tail.exit()).isEqualTo(2);
    assertThat(tail.err().strip().lines().toList())
        .containsExactly(
            "riskstream tail: Kafka does not answer at "
                + kafka.bootstrapServers()
                + " (does it need SASL/SSL settings? pass them with --kafka-config FILE)");
  }

  @Test
  void aPlatformOwnedKeyInTheFileIsOneLineWithoutItsValue() throws Exception {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "security.protocol=SASL_PLAINTEXT\ngroup.id=" + PASSWORD + "\n");

    CliRun tail =
        CliRun.of(
            "tail",
            "transactions",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--config",
            bad.toString());

    assertThat(tail.exit()).isEqualTo(2);
    assertThat(tail.err().strip().lines().toList())
        .containsExactly(
            "riskstream: "
                + bad
                + ": Kafka property group.id is set by the platform and cannot be configured");
  }
}
