package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.cli.RiskStreamCli;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The job jar as {@code flink run} gets it (streaming-jobs/target/riskstream-jobs.jar, the one
 * {@code -Pcompose} puts in deploy/jobs), deployed by {@code riskstream deploy} through Flink's
 * REST API onto a standalone cluster whose JVMs hold only Flink and the DJL lib ({@link
 * ClusterLib}). A committed score shows that the jar carries everything the jobs need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterJobJarIT {
  private static final Duration WAIT = Duration.ofMinutes(3);

  private final Path jar = Path.of(System.getProperty("riskstream.job.jar", "missing"));
  private Path dir;
  private EmbeddedKafka kafka;
  private StandaloneFlinkCluster flink;

  @BeforeAll
  void startBrokerAndCluster() throws Exception {
    assertThat(jar).as("the job jar that `./mvnw package` builds").isRegularFile();
    // Under target/, not a temp dir: the processes' logs stay for a look after a failure.
    dir = Path.of("target", "cluster-job-jar").toAbsolutePath();
    ClusterFailoverIT.deleteRecursively(dir);
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    flink = StandaloneFlinkCluster.start(dir.resolve("flink"), 2, ClusterLib.classpath());
    flink.startTaskManager("tm-1");
  }

  @AfterAll
  void stop() throws Exception {
    if (flink != null) {
      flink.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theClusterHoldsFlinkAndDjlButNoneOfThePlatform() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : ClusterLib.classpath().split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader lib =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      lib.loadClass("org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
      lib.loadClass("org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend");
      lib.loadClass("ai.djl.pytorch.engine.PtEngine");
      for (String jobClass :
          List.of(
              "io.riskstream.jobs.JobMain",
              "org.apache.flink.connector.kafka.source.KafkaSource",
              "org.apache.kafka.clients.producer.KafkaProducer",
              "org.apache.avro.Schema",
              "org.apache.flink.formats.avro.typeutils.AvroTypeInfo")) {
        assertThatThrownBy(() -> lib.loadClass(jobClass))
            .as(jobClass + " comes with the job jar, not the cluster")
            .isInstanceOf(ClassNotFoundException.class);
      }
    }
  }

  @Test
  void theJobJarDeployedThroughRestScoresATransaction() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(
                "deploy",
                "--flink-rest",
                flink.restAddress(),
                "--bootstrap",
                kafka.bootstrapServers(),
                "--jar",
                jar.toString(),
                "--checkpoints",
                dir.resolve("checkpoints").toUri().toString(),
                "--parallelism",
                "1",
                "--partitions",
                "1");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("deployed scoring_job=");

    Transaction txn =
        Transaction.newBuilder()
            .setTransactionId("from-the-job-jar")
            .setCardId("c-jar")
            .setTerminalId("t-jar")
            .setAmount(12.5)
            .setEventTime(System.currentTimeMillis())
            .build();
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topic.TRANSACTIONS.topicName(),
                  txn.getCardId().getBytes(StandardCharsets.UTF_8),
                  AvroCodec.of(Transaction.class).encode(txn)))
          .get();
    }
    try (TopicReader<Score> scores =
        new TopicReader<>(kafka.bootstrapServers(), Topic.SCORES, Score.class)) {
      assertThat(scores.pollUntil(list -> !list.isEmpty(), WAIT))
          .as("a committed score; TaskManager log: " + flink.logFile("tm-1"))
          .extracting(Score::getTransactionId)
          .containsExactly("from-the-job-jar");
    }
    assertThat(Files.readString(flink.logFile("tm-1")))
        .doesNotContain("ClassNotFoundException")
        .doesNotContain("NoClassDefFoundError");
  }
}
