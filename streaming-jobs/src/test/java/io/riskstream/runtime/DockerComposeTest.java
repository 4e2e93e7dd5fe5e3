package io.riskstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskstream.schemas.Topic;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The repository's docker-compose.yml: Compose accepts it, everything it mounts from the repository
 * exists (so a renamed or moved file fails the build, not a user's {@code docker compose up}), its
 * kafka-init creates the topics of {@link TopicSetup}, and Prometheus and Grafana point at its
 * services. YAML is read with snakeyaml-engine, which Flink brings for its config.yaml.
 */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

  @Test
  void composeAcceptsTheFile() throws Exception {
    Optional<List<String>> compose = composeCommand();
    assumeTrue(
        compose.isPresent(),
        () -> {
          String why =
              "skipped: neither docker-compose nor `docker compose` is installed, so"
                  + " docker-compose.yml was not validated by Compose (.ci/run installs Debian's"
                  + " docker-compose; apt-get install --no-install-recommends docker-compose)";
          System.err.println("DockerComposeTest " + why);
          return why;
        });
    List<String> command = new ArrayList<>(compose.get());
    command.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
    Run run = run(ROOT, command, 120);
    assertThat(run.exitCode()).as("%s\n%s", String.join(" ", command), run.output()).isZero();
  }

  @Test
  void everythingItMountsFromTheRepositoryExists() throws IOException {
    Map<String, Object> compose = yaml(COMPOSE);
    Map<String, Object> namedVolumes = map(compose.getOrDefault("volumes", Map.of()));
    List<String> checked = new ArrayList<>();
    for (var service : map(compose.get("services")).entrySet()) {
      for (Object volume : list(map(service.getValue()).getOrDefault("volumes", List.of()))) {
        String source = source(volume);
        if (source.startsWith(".") || source.startsWith("/")) {
          Path path = ROOT.resolve(source).normalize();
          assertThat(path)
              .as("service %s mounts %s, which is not in the repository", service.getKey(), source)
              .exists();
          assertThat(path).as("%s stays inside the repository", source).startsWith(ROOT);
          checked.add(source);
        } else {
          assertThat(namedVolumes)
              .as("service %s mounts volume %s", service.getKey(), source)
              .containsKey(source);
        }
      }
    }
    assertThat(checked)
        .contains(
            "./deploy/flink-lib",
            "./deploy/cli-lib",
            "./deploy/kafka/create-topics.sh",
            "./deploy/flink/submit-jobs.sh",
            "./deploy/prometheus/prometheus.yml",
            "./deploy/grafana/provisioning/datasources",
            "./deploy/grafana/provisioning/dashboards",
            "./dashboard/grafana/riskstream.json");
  }

  @Test
  void kafkaInitCreatesTheTopicsOfTopicSetup() throws IOException {
    Path script = ROOT.resolve("deploy/kafka/create-topics.sh");
    Pattern create = Pattern.compile("(?m)^create (\\S+) (\\S+)(.*)$");
    Matcher m = create.matcher(Files.readString(script));
    Map<String, String> created = new TreeMap<>();
    while (m.find()) {
      String layout = m.group(2).equals("\"$PARTITIONS\"") ? "scaled" : m.group(2);
      if (m.group(3).contains("cleanup.policy=compact")) {
        layout += ", compacted";
      }
      created.put(m.group(1), layout);
    }

    Map<String, String> expected = new TreeMap<>();
    for (Topic topic : Topic.values()) {
      // TopicSetup gives a topic that scales with the jobs every partition it is asked for.
      NewTopic newTopic = TopicSetup.newTopic(topic, 7);
      String layout =
          newTopic.numPartitions() == 7 ? "scaled" : String.valueOf(newTopic.numPartitions());
      if (newTopic.configs() != null
          && TopicConfig.CLEANUP_POLICY_COMPACT.equals(
              newTopic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG))) {
        layout += ", compacted";
      }
      expected.put(topic.topicName(), layout);
    }
    assertThat(created).isEqualTo(expected);
  }

  @Test
  void prometheusAndGrafanaPointAtItsServices() throws IOException {
    Map<String, Object> services = map(yaml(COMPOSE).get("services"));
    Map<String, Object> prometheus = yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
    List<String> hosts = new ArrayList<>();
    for (Object job : list(prometheus.get("scrape_configs"))) {
      Map<String, Object> scrape = map(job);
      for (Object config : list(scrape.getOrDefault("static_configs", List.of()))) {
        for (Object target : list(map(config).get("targets"))) {
          hosts.add(target.toString().substring(0, target.toString().indexOf(':')));
        }
      }
      for (Object config : list(scrape.getOrDefault("dns_sd_configs", List.of()))) {
        for (Object name : list(map(config).get("names"))) {
          hosts.add(name.toString());
        }
      }
    }
    Map<String, Object> datasources =
        yaml(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
    for (Object datasource : list(datasources.get("datasources"))) {
      hosts.add(URI.create(map(datasource).get("url").toString()).getHost());
    }
    assertThat(hosts).contains("dashboard", "jobmanager", "taskmanager", "prometheus");
    assertThat(services.keySet()).containsAll(hosts);
  }

  /** The host side of a volume: short syntax {@code SOURCE:TARGET[:MODE]} or long syntax. */
  private static String source(Object volume) {
    if (volume instanceof Map<?, ?> longSyntax) {
      return String.valueOf(longSyntax.get("source"));
    }
    String spec = volume.toString();
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    Object loaded =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    return map(loaded);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    assertThat(yaml).isInstanceOf(Map.class);
    return (Map<String, Object>) yaml;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object yaml) {
    assertThat(yaml).isInstanceOf(List.class);
    return (List<Object>) yaml;
  }

  /** Debian's docker-compose (v1), else Docker's Compose plugin (v2), if either is installed. */
  private static Optional<List<String>> composeCommand() throws Exception {
    if (onPath("docker-compose")) {
      return Optional.of(List.of("docker-compose"));
    }
    if (onPath("docker")
        && run(ROOT, List.of("docker", "compose", "version"), 30).exitCode() == 0) {
      return Optional.of(List.of("docker", "compose"));
    }
    return Optional.empty();
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private record Run(int exitCode, String output) {}

  private static Run run(Path dir, List<String> command, int timeoutSeconds) throws Exception {
    Path log = Files.createTempFile("compose", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Run(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
