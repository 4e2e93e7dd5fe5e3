package io.riskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.CliRun;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.SaslUser;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riskstream deploy} against a real Flink REST API (a MiniCluster with flink-runtime-web)
 * and a real broker that admits one SASL/PLAIN user: both jobs run, a transaction produced
 * afterwards gets a committed score (the jobs' Kafka sources and sinks logged in with the
 * operator's properties), and the password appears in no output the test can reach: the CLI's,
 * Flink's REST answers about the jobs, and every log line of this JVM (Flink, Kafka clients) at
 * INFO.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployCommandTest {
  private static final String PASSWORD = "deploy-Pa55-9d1e";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private Path dir;
  private EmbeddedKafka kafka;
  private EmbeddedFlink flink;
  private String rest;
  private Path config;
  private Path jar;
  private final StringWriter logs = new StringWriter();
  private WriterAppender capture;
  private Level rootLevel;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    captureLogsAtInfo();
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), new SaslUser("alice", PASSWORD));
    flink = EmbeddedFlink.start(4, dir.resolve("savepoints"));
    rest = flink.cluster().getRestAddress().get().toString();
    config = dir.resolve("kafka-client.properties");
    StringBuilder text = new StringBuilder();
    kafka
        .clientProperties()
        .asMap()
        .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, text);
    jar = jobJar(dir.resolve("riskstream-jobs.jar"));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (flink != null) {
        for (FlinkRestClient.JobOverview job : new FlinkRestClient(rest).jobs()) {
          flink.stop(JobID.fromHexString(job.id()), Duration.ofSeconds(30));
        }
        flink.close();
      }
    } finally {
      if (kafka != null) {
        kafka.close();
      }
      stopCapture();
    }
  }

  @Test
  void deploysBothJobsThatScoreOnASaslBrokerAndShowsNoSecret() throws Exception {
    CliRun deploy =
        CliRun.of(
            "deploy",
            "--flink-rest",
            rest,
            "--bootstrap",
            kafka.bootstrapServers(),
            "--kafka-config",
            config.toString(),
            "--jar",
            jar.toString(),
            "--checkpoints",
            dir.resolve("checkpoints").toUri().toString(),
            "--parallelism",
            "1",
            "--partitions",
            "1");

    assertThat(deploy.exit()).as(deploy.err()).isZero();
    List<String> lines = deploy.out().strip().lines().toList();
    Matcher summary =
        Pattern.compile(
                "deployed scoring_job=(\\p{XDigit}{32}) learner_job=(\\p{XDigit}{32}) jar=\\S+"
                    + " topics_created="
                    + Topic.values().length
                    + " flink=\\S+")
            .matcher(lines.get(lines.size() - 1));
    assertThat(summary.matches()).as(deploy.out()).isTrue();
    String scoringJob = summary.group(1);
    String learnerJob = summary.group(2);

    KafkaProperties client = kafka.clientProperties();
    Transaction txn =
        Transaction.newBuilder()
            .setTransactionId("deployed-1")
            .setCardId("c-deploy")
            .setTerminalId("t-deploy")
            .setAmount(42.0)
            .setEventTime(System.currentTimeMillis())
            .build();
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaClients.producer(kafka.bootstrapServers(), client)) {
      producer
          .send(
              new ProducerRecord<>(
                  Topic.TRANSACTIONS.topicName(),
                  txn.getCardId().getBytes(StandardCharsets.UTF_8),
                  AvroCodec.of(Transaction.class).encode(txn)))
          .get();
    }
    assertThat(awaitScore("deployed-1")).as("a committed score for the transaction").isTrue();

    FlinkRestClient flinkRest = new FlinkRestClient(rest);
    StringBuilder answers = new StringBuilder();
    for (String job : List.of(scoringJob, learnerJob)) {
      for (String path :
          List.of(
              "/jobs/" + job,
              "/jobs/" + job + "/config",
              "/jobs/" + job + "/plan",
              "/jobs/" + job + "/exceptions")) {
        answers.append(flinkRest.get(path)).append('\n');
      }
      // The job's own configuration (with the masked riskstream.kafka.secret.* entries) is in
      // no REST answer of Flink 2.2; jobmanager/config shows the cluster's.
      answers.append(flinkRest.get("/jobs/" + job + "/jobmanager/config")).append('\n');
    }
    answers.append(flinkRest.get("/jobmanager/config")).append(flinkRest.get("/jars"));

    CliRun again =
        CliRun.of(
            "deploy",
            "--flink-rest",
            rest,
            "--bootstrap",
            kafka.bootstrapServers(),
            "--kafka-config",
            config.toString(),
            "--jar",
            jar.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err().strip().lines().toList())
        .singleElement()
        .asString()
        .matches("riskstream deploy: riskstream-(scoring|learner) is already RUNNING as job .*");

    String captured = logs.toString();
    assertThat(captured)
        .as("the log capture works: Kafka's clients print their configuration at INFO")
        .contains("sasl.jaas.config = [hidden]");
    assertThat(deploy.out() + deploy.err() + again.out() + again.err()).doesNotContain(PASSWORD);
    assertThat(answers.toString()).doesNotContain(PASSWORD);
    assertThat(captured).doesNotContain(PASSWORD);
  }

  @Test
  void aMissingDefaultJarSaysHowToBuildIt() {
    CliRun deploy =
        CliRun.of("deploy", "--flink-rest", rest, "--bootstrap", kafka.bootstrapServers());

    assertThat(deploy.exit()).isEqualTo(1);
    assertThat(deploy.err().strip().lines().toList())
        .containsExactly(
            "riskstream deploy: no job jar at "
                + Path.of("deploy/jobs/riskstream-jobs.jar").toAbsolutePath()
                + "; build it with ./mvnw -B -DskipTests -Pcompose -pl streaming-jobs -am package"
                + " (or pass --jar PATH)");
  }

  private boolean awaitScore(String transactionId) {
    AvroCodec<Score> codec = AvroCodec.of(Score.class);
    try (KafkaConsumer<byte[], byte[]> consumer =
        KafkaClients.readCommittedConsumer(kafka.bootstrapServers(), kafka.clientProperties())) {
      consumer.subscribe(List.of(Topic.SCORES.topicName()));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (transactionId.equals(codec.decode(record.value()).getTransactionId())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The job jar as the cluster would get it, from this module's classes (Flink, Kafka and DJL are
   * on the MiniCluster's classpath already, as in a cluster's lib).
   */
  private static Path jobJar(Path target) throws Exception {
    Path classes = Path.of("target", "classes");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.riskstream.jobs.JobMain");
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> paths = Files.walk(classes)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return target;
  }

  /** Every log event of this JVM at INFO and above also goes to {@link #logs}, not the console. */
  private void captureLogsAtInfo() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    capture =
        WriterAppender.newBuilder()
            .setName("deploy-test-capture")
            .setTarget(logs)
            .setLayout(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build())
            .build();
    capture.start();
    configuration.addAppender(capture);
    LoggerConfig root = configuration.getRootLogger();
    rootLevel = root.getLevel();
    root.addAppender(capture, Level.INFO, null);
    root.setLevel(Level.INFO);
    // The console keeps its WARN: INFO of a whole Flink cluster would drown the test's output.
    for (var ref : root.getAppenderRefs()) {
      if (!ref.getRef().equals(capture.getName())) {
        root.removeAppender(ref.getRef());
        root.addAppender(configuration.getAppender(ref.getRef()), Level.WARN, null);
      }
    }
    context.updateLoggers();
  }

  private void stopCapture() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig root = context.getConfiguration().getRootLogger();
    root.removeAppender(capture.getName());
    root.setLevel(rootLevel);
    context.updateLoggers();
    capture.stop();
  }
}
