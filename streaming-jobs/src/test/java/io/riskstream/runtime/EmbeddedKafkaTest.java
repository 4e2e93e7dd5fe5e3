package io.riskstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.CliRun;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real Kafka 4 broker as a child JVM; takes a few seconds. */
class EmbeddedKafkaTest {
  @TempDir Path dir;

  @Test
  void startsCreatesTopicsRoundTripsThroughTheCliAndStops() throws Exception {
    long started = System.nanoTime();
    EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    long pid = kafka.pid();
    try {
      System.out.printf(
          "EmbeddedKafka answered after %d ms at %s%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), kafka.bootstrapServers());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(Files.readString(dir.resolve("kafka/broker.log")))
          .contains("Kafka Server started");

      CliRun beforeSetup =
          CliRun.of("tail", "transactions", "--bootstrap", kafka.bootstrapServers());
      assertThat(beforeSetup.exit()).isEqualTo(2);
      assertThat(beforeSetup.err().strip())
          .isEqualTo(
              "riskstream tail: topic transactions does not exist at " + kafka.bootstrapServers());

      TopicSetup.createAll(kafka.bootstrapServers(), 3);
      TopicSetup.createAll(kafka.bootstrapServers(), 3); // idempotent
      assertTopics(kafka.bootstrapServers());

      Path csv = dir.resolve("tx.csv");
      Files.write(
          csv,
          List.of(
              "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,"
                  + "TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO",
              "0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0",
              "1,2018-04-01 00:02:10,4961,3412,81.51,130,0,1,2",
              "2,2018-04-01 00:07:56,2,1365,not-a-number,476,0,0,0"),
          StandardCharsets.UTF_8);

      CliRun produce =
          CliRun.of(
              "produce",
              "--topic",
              "transactions",
              "--file",
              csv.toString(),
              "--bootstrap",
              kafka.bootstrapServers());
      assertThat(produce.exit()).as(produce.err()).isEqualTo(1);
      assertThat(produce.out().strip()).isEqualTo("produced=2 rejected=1 topic=transactions");
      assertThat(produce.err()).contains("line 4: TX_AMOUNT is not a number");

      CliRun labels =
          CliRun.of(
              "produce",
              "--topic",
              "labels",
              "--file",
              csv.toString(),
              "--label-delay",
              "7d",
              "--limit",
              "1",
              "--bootstrap",
              kafka.bootstrapServers());
      assertThat(labels.exit()).as(labels.err()).isZero();
      assertThat(labels.out().strip()).isEqualTo("produced=1 rejected=0 topic=labels");

      CliRun tail =
          CliRun.of(
              "tail",
              "transactions",
              "--idle-timeout",
              "2s",
              "--bootstrap",
              kafka.bootstrapServers());
      assertThat(tail.exit()).as(tail.err()).isZero();
      List<String> lines = tail.out().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("\"transactionId\": \"0\"", "\"cardId\": \"596\"", "57.16"))
          .anySatisfy(l -> assertThat(l).contains("\"transactionId\": \"1\""));

      CliRun tailLabels =
          CliRun.of("tail", "labels", "--max", "1", "--bootstrap", kafka.bootstrapServers());
      assertThat(tailLabels.out().lines().toList())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .contains(
                          "\"fraud\": false",
                          "\"labelTime\": " + (1522540831000L + 7 * 24 * 3600 * 1000L)));

      Path mapped = dir.resolve("mapped.csv");
      Files.write(
          mapped,
          List.of(
              "IS_FRAUD,TS,PAN,TX_ID,AMT,MERCHANT",
              "0,2018-04-01T00:00:31Z,596,0,57.16,3156",
              "1,1522540930000,4961,1,81.51,3412"),
          StandardCharsets.UTF_8);
      CliRun mappedLabels =
          CliRun.of(
              "produce",
              "--topic",
              "labels",
              "--file",
              mapped.toString(),
              "--columns",
              "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,"
                  + "fraud=IS_FRAUD",
              "--bootstrap",
              kafka.bootstrapServers());
      assertThat(mappedLabels.exit()).as(mappedLabels.err()).isZero();
      assertThat(mappedLabels.out().strip()).isEqualTo("produced=2 rejected=0 topic=labels");
      CliRun allLabels =
          CliRun.of("tail", "labels", "--max", "3", "--bootstrap", kafka.bootstrapServers());
      assertThat(allLabels.out().lines().toList())
          .hasSize(3)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains(
                          "\"transactionId\": \"1\"",
                          "\"fraud\": true",
                          "\"labelTime\": 1522540930000"));

      CliRun unknown = CliRun.of("tail", "nope", "--bootstrap", kafka.bootstrapServers());
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.err().strip()).startsWith("riskstream tail: unknown topic 'nope'");
    } finally {
      kafka.close();
      kafka.close(); // idempotent
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void restartKeepsTheAddressTopicsAndRecords() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    try {
      TopicSetup.createAll(kafka.bootstrapServers(), 1);
      try (var producer = KafkaClients.producer(kafka.bootstrapServers())) {
        producer
            .send(
                new ProducerRecord<>(Topic.LABELS.topicName(), "k".getBytes(), "before".getBytes()))
            .get();
      }
      String address = kafka.bootstrapServers();
      long oldPid = kafka.pid();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
        assertThat(config.get("broker.session.timeout.ms").value())
            .as("a late heartbeat does not fence the only broker")
            .isEqualTo("60000");
      }

      kafka = kafka.restart();

      assertThat(kafka.bootstrapServers()).isEqualTo(address);
      assertThat(kafka.pid()).isNotEqualTo(oldPid);
      assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive))
          .isNotEqualTo(Optional.of(true));
      try (var consumer = KafkaClients.readCommittedConsumer(kafka.bootstrapServers())) {
        consumer.subscribe(List.of(Topic.LABELS.topicName()));
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (values.isEmpty() && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(new String(r.value())));
        }
        assertThat(values).containsExactly("before");
      }
    } finally {
      kafka.close();
    }
  }

  @Test
  void produceReportsAMissingFileInOneLine() {
    CliRun run =
        CliRun.of(
            "produce", "--topic", "transactions", "--file", dir.resolve("nope.csv").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("riskstream produce: no such file")
        .doesNotContain("\n");
  }

  private static void assertTopics(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(List.of("model-updates", "transactions", "dead-letters"))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);
      assertThat(topics.get("model-updates").partitions()).hasSize(1);
      assertThat(topics.get("transactions").partitions()).hasSize(3);
      assertThat(topics.get("dead-letters").partitions()).hasSize(3);
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .containsAll(java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList());
      ConfigResource modelUpdates = new ConfigResource(ConfigResource.Type.TOPIC, "model-updates");
      Config config =
          admin
              .describeConfigs(List.of(modelUpdates))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(modelUpdates);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    }
  }
}
