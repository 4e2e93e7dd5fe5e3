package io.riskstream.runtime;

import io.riskstream.kafka.KafkaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka 4 broker (KRaft, broker and controller in one) running as a child JVM.
 *
 * <p>The broker gets its own JVM and only the classpath of {@code
 * kafka-broker/target/classpath.txt} because it needs Kafka 4 server jars and slf4j 2, which clash
 * with Flink's kafka-clients 3.9 and slf4j 1.7 in this JVM. A shutdown hook stops it if this JVM
 * exits without {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {
  /** System property naming the file with the broker's classpath. */
  public static final String CLASSPATH_PROPERTY = "riskstream.broker.classpath";

  // A broker JVM starting beside a busy Flink job on 2 cores took over 60 s three times on
  // 2026-12-02 (load 30-50); a healthy start takes 5-15 s.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration ORDERLY_SHUTDOWN_GRACE = Duration.ofSeconds(60);

  /**
   * Ctrl-C in a terminal signals the whole foreground process group. The broker runs in a session
   * of its own so that only its owner gets the signal and stops it last, after the Flink jobs that
   * still need it ({@code setsid} execs in place: the child's pid stays the broker's).
   */
  private static final List<String> OWN_SESSION =
      Files.isExecutable(Paths.get("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();

  private static final int LOG_TAIL_LINES = 30;

  private final Process process;
  private final String bootstrapServers;
  private final Path dataDir;
  private final KafkaProperties clientProperties;
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedKafka(
      Process process, String bootstrapServers, Path dataDir, KafkaProperties clientProperties) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.clientProperties = clientProperties;
    this.shutdownHook = new Thread(this::stopWhenAbandoned, "embedded-kafka-shutdown");
  }

  /**
   * Starts a broker that keeps its data under {@code dataDir} and waits until it answers. Storage
   * already formatted there (a previous run) is reused.
   *
   * @throws IllegalStateException when the classpath file is missing or the broker does not come up
   *     within 120 s; the message carries the end of {@code broker.log}
   */
  public static EmbeddedKafka start(Path dataDir) {
    return start(dataDir, null);
  }

  /**
   * Like {@link #start(Path)}, but with {@code sasl} the bootstrap servers are a SASL_PLAINTEXT
   * listener (mechanism PLAIN) that admits only that user: clients need {@link
   * #clientProperties()}. A broker-internal PLAINTEXT listener on another port carries the broker's
   * requests to itself.
   */
  public static EmbeddedKafka start(Path dataDir, SaslUser sasl) {
    String classpath = brokerClasspath();
    try {
      Files.createDirectories(dataDir);
      int brokerPort = freePort();
      int controllerPort = freePort();
      while (controllerPort == brokerPort) {
        controllerPort = freePort();
      }
      Path serverProperties;
      if (sasl == null) {
        serverProperties = BrokerFiles.writeServerProperties(dataDir, brokerPort, controllerPort);
      } else {
        int internalPort = freePort();
        while (internalPort == brokerPort || internalPort == controllerPort) {
          internalPort = freePort();
        }
        serverProperties =
            BrokerFiles.writeServerProperties(
                dataDir, brokerPort, controllerPort, sasl, internalPort);
      }
      Path log4j = BrokerFiles.writeLog4jConfig(dataDir);
      formatStorageIfNeeded(classpath, dataDir, serverProperties, log4j);
      return launch(
          classpath,
          dataDir,
          serverProperties,
          log4j,
          "127.0.0.1:" + brokerPort,
          sasl == null ? KafkaProperties.none() : sasl.clientProperties());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start Kafka in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops this broker (an orderly shutdown) and starts it again with the same configuration, ports
   * and data: its clients, e.g. running Flink jobs, reconnect to the same address and find their
   * topics, offsets and transactions as they were.
   */
  public EmbeddedKafka restart() {
    close();
    try {
      return launch(
          brokerClasspath(),
          dataDir,
          dataDir.resolve(BrokerFiles.SERVER_PROPERTIES),
          dataDir.resolve(BrokerFiles.LOG4J_CONFIG),
          bootstrapServers,
          clientProperties);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot restart Kafka in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static EmbeddedKafka launch(
      String classpath,
      Path dataDir,
      Path serverProperties,
      Path log4j,
      String bootstrapServers,
      KafkaProperties clientProperties)
      throws IOException {
    List<String> command = new ArrayList<>(OWN_SESSION);
    command.addAll(javaCommand(classpath, log4j, "-Xmx512m"));
    command.add("kafka.Kafka");
    command.add(serverProperties.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.out").toFile()))
            .start();
    EmbeddedKafka kafka = new EmbeddedKafka(process, bootstrapServers, dataDir, clientProperties);
    Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
    kafka.awaitReady();
    return kafka;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** What a client needs beyond {@link #bootstrapServers()}: none, or the SASL user's login. */
  public KafkaProperties clientProperties() {
    return clientProperties;
  }

  /** The broker JVM's process id, e.g. to check that it is gone after {@link #close()}. */
  public long pid() {
    return process.pid();
  }

  /** Stops the broker: SIGTERM for a clean shutdown, SIGKILL after 15 s. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook's stop finds the process gone.
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw failure("the broker exited with code " + process.exitValue());
      }
      if (BrokerProbe.answers(bootstrapServers, clientProperties, Duration.ofSeconds(2))) {
        return;
      }
      sleep(200);
    }
    close();
    throw failure("the broker did not answer within " + START_TIMEOUT.toSeconds() + " s");
  }

  private IllegalStateException failure(String what) {
    Path log = dataDir.resolve(BrokerFiles.BROKER_LOG);
    return new IllegalStateException(
        "Kafka did not start at "
            + bootstrapServers
            + ": "
            + what
            + ". Last lines of "
            + log
            + ":"
            + System.lineSeparator()
            + BrokerFiles.tail(log, LOG_TAIL_LINES)
            + System.lineSeparator()
            + BrokerFiles.tail(dataDir.resolve("broker.out"), 10));
  }

  /**
   * The shutdown hook's job. Hooks run concurrently, so on Ctrl-C the owner's orderly shutdown
   * (which still needs the broker, e.g. to commit Flink's Kafka transactions) is given time to call
   * {@link #close()} first; a broker whose owner never closes it is stopped all the same.
   */
  private void stopWhenAbandoned() {
    long deadline = System.nanoTime() + ORDERLY_SHUTDOWN_GRACE.toNanos();
    while (!isClosed() && System.nanoTime() < deadline) {
      sleep(100);
    }
    stopProcess();
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  // meta.properties marks formatted storage; formatting again would fail on a non-empty dir.
  private static void formatStorageIfNeeded(
      String classpath, Path dataDir, Path serverProperties, Path log4j) throws IOException {
    if (Files.exists(dataDir.resolve(BrokerFiles.LOG_DIR).resolve("meta.properties"))) {
      return;
    }
    List<String> command = javaCommand(classpath, log4j, "-Xmx256m");
    command.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "-t",
            Uuid.randomUuid().toString(),
            "-c",
            serverProperties.toAbsolutePath().toString()));
    Path out = dataDir.resolve("storage-format.log");
    Process format =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS)) {
        format.destroyForcibly();
        throw new IllegalStateException("formatting Kafka storage timed out; see " + out);
      }
    } catch (InterruptedException e) {
      format.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
    if (format.exitValue() != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage failed (exit "
              + format.exitValue()
              + "):"
              + System.lineSeparator()
              + BrokerFiles.tail(out, LOG_TAIL_LINES));
    }
  }

  private static List<String> javaCommand(String classpath, Path log4j, String heap) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("-XX:+UseG1GC");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
    command.add("-cp");
    command.add(classpath);
    return command;
  }

  private static String brokerClasspath() {
    String file = System.getProperty(CLASSPATH_PROPERTY);
    String hint = "build it with ./mvnw -pl kafka-broker generate-resources";
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "no Kafka broker classpath: system property "
              + CLASSPATH_PROPERTY
              + " is not set; "
              + hint);
    }
    Path path = Paths.get(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "no Kafka broker classpath: " + path.toAbsolutePath() + " is missing; " + hint);
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  // Port 0 asks the OS for a free port; there is a short race until the broker binds it.
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }
}
