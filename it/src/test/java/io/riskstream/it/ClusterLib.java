package io.riskstream.it;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classpath of a Flink cluster set up as the README says: a Flink distribution (Flink and its
 * dependencies) with the DJL / PyTorch jars in its lib, and nothing of the platform's. Built from
 * this test's classpath by leaving out every project module and every artifact the job jar carries,
 * so that a job runs only if its jar brings what it needs.
 */
final class ClusterLib {
  /**
   * The artifacts of streaming-jobs' job-jar include list, and those a Flink distribution lacks
   * (flink-avro is an opt-in format; the Prometheus reporter is a plugin that carries its own
   * client), as Maven repository paths.
   */
  private static final List<String> NOT_IN_THE_CLUSTER =
      List.of(
          "/io/riskstream/",
          "/org/apache/flink/flink-avro/",
          "/io/prometheus/",
          "/org/webjars/",
          "/org/apache/avro/avro/",
          "/com/fasterxml/jackson/core/",
          "/org/apache/flink/flink-connector-kafka/",
          "/org/apache/kafka/kafka-clients/",
          "/com/github/luben/zstd-jni/",
          "/org/apache/flink/flink-ml-servable-core/",
          "/dev/ludovic/netlib/",
          "/net/sourceforge/f2j/",
          "/info/picocli/");

  private ClusterLib() {}

  static String classpath() {
    // The reactor's modules (target/classes or their jars) sit under the project's root.
    String project = Path.of("..").toAbsolutePath().normalize() + File.separator;
    return Arrays.stream(StandaloneFlinkCluster.testClasspath().split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().startsWith(project))
        .filter(entry -> NOT_IN_THE_CLUSTER.stream().noneMatch(entry.replace('\\', '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
