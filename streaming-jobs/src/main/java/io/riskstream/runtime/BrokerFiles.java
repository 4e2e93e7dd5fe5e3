package io.riskstream.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the configuration files of a single-node KRaft broker into its data directory. */
final class BrokerFiles {
  static final String SERVER_PROPERTIES = "server.properties";
  static final String LOG4J_CONFIG = "broker-log4j2.properties";
  static final String BROKER_LOG = "broker.log";
  static final String LOG_DIR = "kafka-logs";

  private BrokerFiles() {}

  /** The broker's and controller's settings; one node is both, on 127.0.0.1 only. */
  static Path writeServerProperties(Path dataDir, int brokerPort, int controllerPort)
      throws IOException {
    return writeServerProperties(dataDir, brokerPort, controllerPort, null);
  }

  /**
   * With {@code sasl} the clients' listener on {@code brokerPort} is SASL_PLAINTEXT (PLAIN, the one
   * user); the broker then talks to itself (transaction markers) over a PLAINTEXT listener on
   * {@code internalPort}, so that no broker credentials are needed.
   */
  static Path writeServerProperties(
      Path dataDir, int brokerPort, int controllerPort, SaslUser sasl, int internalPort)
      throws IOException {
    return writeServerProperties(
        dataDir, brokerPort, controllerPort, new SaslListener(sasl, internalPort));
  }

  record SaslListener(SaslUser user, int internalPort) {}

  private static Path writeServerProperties(
      Path dataDir, int brokerPort, int controllerPort, SaslListener sasl) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("process.roles=broker,controller");
    lines.add("node.id=1");
    if (sasl == null) {
      lines.add(
          "listeners=PLAINTEXT://127.0.0.1:"
              + brokerPort
              + ",CONTROLLER://127.0.0.1:"
              + controllerPort);
      lines.add("advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort);
      lines.add("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    } else {
      lines.add(
          "listeners=SASL_PLAINTEXT://127.0.0.1:"
              + brokerPort
              + ",PLAINTEXT://127.0.0.1:"
              + sasl.internalPort()
              + ",CONTROLLER://127.0.0.1:"
              + controllerPort);
      lines.add(
          "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:"
              + brokerPort
              + ",PLAINTEXT://127.0.0.1:"
              + sasl.internalPort());
      lines.add(
          "listener.security.protocol.map="
              + "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
      lines.add("sasl.enabled.mechanisms=PLAIN");
      lines.add(
          "listener.name.sasl_plaintext.plain.sasl.jaas.config="
              + "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
              + sasl.user().name()
              + "=\""
              + sasl.user().password()
              + "\";");
    }
    lines.add("controller.listener.names=CONTROLLER");
    lines.add("inter.broker.listener.name=PLAINTEXT");
    // A static quorum keeps no endpoints in the log, so a restart on new ports reuses the data.
    lines.add("controller.quorum.voters=1@127.0.0.1:" + controllerPort);
    lines.add("log.dirs=" + dataDir.resolve(LOG_DIR).toAbsolutePath());
    // Topics come from TopicSetup only: a typo in a topic name must not create a new topic.
    lines.add("auto.create.topics.enable=false");
    lines.add("num.partitions=1");
    // One node: every internal topic has a single replica.
    lines.add("offsets.topic.replication.factor=1");
    lines.add("transaction.state.log.replication.factor=1");
    lines.add("transaction.state.log.min.isr=1");
    lines.add("share.coordinator.state.topic.replication.factor=1");
    lines.add("group.initial.rebalance.delay.ms=0");
    // Flink's exactly-once sink holds transactions open across checkpoints (up to 15 minutes).
    lines.add("transaction.max.timeout.ms=3600000");
    // One node is both controller and broker, so there is no one to fail over to: fencing the
    // broker for a late heartbeat only takes every partition offline. Kafka's 9 s lease was missed
    // on a CPU-starved machine (ClusterFailoverIT, load 30+: a heartbeat timed out, the controller
    // fenced its own broker, partitions had no leader and Flink's exactly-once sinks timed out in
    // InitProducerId after 60 s). A minute's lease rides out such stalls.
    lines.add("broker.session.timeout.ms=60000");
    // Compaction of model-updates should be visible in a demo, not after the 7-day default.
    lines.add("log.cleaner.min.compaction.lag.ms=0");
    lines.add("log.segment.bytes=67108864");
    Path file = dataDir.resolve(SERVER_PROPERTIES);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** Log4j2 for the broker JVM: everything to broker.log, nothing to the parent's console. */
  static Path writeLog4jConfig(Path dataDir) throws IOException {
    Path log = dataDir.resolve(BROKER_LOG).toAbsolutePath();
    List<String> lines =
        List.of(
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + log.toString().replace("\\", "/"),
            "appender.file.append = true",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            // The log cleaner and state change loggers are chatty at INFO.
            "logger.cleaner.name = kafka.log.LogCleaner",
            "logger.cleaner.level = WARN",
            "logger.state.name = state.change.logger",
            "logger.state.level = WARN");
    Path file = dataDir.resolve(LOG4J_CONFIG);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** The last {@code n} lines of the broker log, for error messages; empty if there is none. */
  static String tail(Path file, int n) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file.getFileName() + ")";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
