package io.riskstream.cli;

import io.riskstream.deploy.FlinkRestClient;
import io.riskstream.deploy.FlinkRestClient.JobOverview;
import io.riskstream.deploy.FlinkRestException;
import io.riskstream.jobs.JobMain;
import io.riskstream.jobs.KafkaSecrets;
import io.riskstream.jobs.LearnerJob;
import io.riskstream.jobs.ScoringJob;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.runtime.TopicSetup;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskstream deploy}: creates the platform's topics if missing, uploads the job jar to a
 * Flink session cluster through its REST API and starts the scoring and the learner job, then waits
 * until both run. The last line is a key=value summary.
 *
 * <p>The Kafka client properties of {@code --kafka-config} reach the jobs as masked Flink
 * configuration entries ({@link KafkaSecrets}), never as program arguments.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the topics if missing and starts the scoring and the learner job on a Flink"
          + " session cluster through its REST API (the JobManager needs flink-runtime-web, as"
          + " Flink's distribution has; DJL's jars belong in the cluster's lib).",
      "Refuses when a job of the same name is already running."
    })
public final class DeployCommand implements Callable<Integer> {
  static final Path DEFAULT_JAR = Path.of("deploy", "jobs", "riskstream-jobs.jar");
  static final String BUILD_HINT = "./mvnw -B -DskipTests -Pcompose -pl streaming-jobs -am package";

  /** States in which a job holds its name on the cluster: a second one would double the output. */
  private static final Set<String> ALIVE =
      Set.of(
          "INITIALIZING",
          "CREATED",
          "RUNNING",
          "RESTARTING",
          "FAILING",
          "CANCELLING",
          "RECONCILING",
          "SUSPENDED");

  private static final Duration POLL = Duration.ofMillis(500);

  @Spec CommandSpec spec;

  @Option(
      names = "--flink-rest",
      required = true,
      paramLabel = "URL",
      description = "Flink's REST endpoint, e.g. http://jobmanager:8081.")
  String flinkRest;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--job-bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers as the cluster's task managers reach them (default: --bootstrap).")
  String jobBootstrap;

  @Option(
      names = "--jar",
      paramLabel = "PATH",
      description = "The job jar (default: ${DEFAULT-VALUE}, built by -Pcompose).",
      defaultValue = "deploy/jobs/riskstream-jobs.jar")
  Path jar;

  @Option(
      names = "--checkpoints",
      paramLabel = "URI",
      defaultValue = "file:///opt/flink/riskstream-data/checkpoints",
      description =
          "Checkpoint directory the cluster can reach; each job uses its own subdirectory"
              + " (default: ${DEFAULT-VALUE}, docker-compose's).")
  URI checkpoints;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Parallelism of each job (default: the platform's, 2).")
  Integer parallelism;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "2",
      description = "Partitions of topics it creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "180s",
      converter = DurationConverter.class,
      description = "How long to wait for both jobs to run (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(jar)) {
      return fail(
          "no job jar at "
              + jar.toAbsolutePath()
              + (jar.equals(DEFAULT_JAR) ? "; build it with " + BUILD_HINT : "")
              + " (or pass --jar PATH)");
    }
    KafkaProperties client = kafka.clientProperties();
    FlinkRestClient flink = new FlinkRestClient(flinkRest);
    try {
      Optional<String> taken = alreadyRunning(flink.jobs());
      if (taken.isPresent()) {
        return fail(taken.get());
      }
      Optional<String> unreachable = kafka.whyUnreachable();
      if (unreachable.isPresent()) {
        return fail(unreachable.get());
      }
      int created = TopicSetup.createAll(kafka.bootstrap(), client, partitions);
      out.printf("topics: %d created at %s%n", created, kafka.bootstrap());
      out.flush();

      String jarId = flink.uploadJar(jar);
      out.printf("uploaded %s as %s%n", jar, jarId);
      out.flush();
      Map<String, String> secrets = KafkaSecrets.toFlinkConfiguration(client);
      Map<String, String> ids = new LinkedHashMap<>();
      for (JobMain.Job job : JobMain.Job.values()) {
        String id = flink.runJar(jarId, JobMain.class.getName(), arguments(job), secrets);
        ids.put(job.name(), id);
        out.printf("started %s job %s%n", job, id);
        out.flush();
      }
      awaitRunning(flink, ids);
      out.printf(
          "deployed scoring_job=%s learner_job=%s jar=%s topics_created=%d flink=%s%n",
          ids.get("scoring"), ids.get("learner"), jarId, created, flink.base());
      out.flush();
      return 0;
    } catch (FlinkRestException | IllegalStateException e) {
      return fail(e.getMessage());
    }
  }

  /** The program arguments of JobMain: no secret among them (Flink shows and logs them). */
  List<String> arguments(JobMain.Job job) {
    List<String> args = new ArrayList<>();
    args.add(job.name());
    args.add("--bootstrap");
    args.add(jobBootstrap != null ? jobBootstrap : kafka.bootstrap());
    args.add("--checkpoints");
    args.add(checkpoints.toString());
    if (parallelism != null) {
      args.add("--parallelism");
      args.add(parallelism.toString());
    }
    return args;
  }

  private Optional<String> alreadyRunning(List<JobOverview> jobs) {
    for (JobOverview job : jobs) {
      if ((ScoringJob.NAME.equals(job.name()) || LearnerJob.NAME.equals(job.name()))
          && ALIVE.contains(job.state())) {
        return Optional.of(
            job.name()
                + " is already "
                + job.state()
                + " as job "
                + job.id()
                + " at "
                + flinkRest
                + "; stop it first (flink stop --savepointPath DIR "
                + job.id()
                + ")");
      }
    }
    return Optional.empty();
  }

  private void awaitRunning(FlinkRestClient flink, Map<String, String> ids)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> states = new LinkedHashMap<>();
    while (true) {
      boolean allRunning = true;
      for (Map.Entry<String, String> job : ids.entrySet()) {
        String state = flink.jobState(job.getValue());
        states.put(job.getKey(), state);
        if (Set.of("FAILED", "CANCELED", "FINISHED").contains(state)) {
          throw new IllegalStateException(
              job.getKey()
                  + " job "
                  + job.getValue()
                  + " ended "
                  + state
                  + "; see GET /jobs/"
                  + job.getValue()
                  + "/exceptions or the JobManager's log");
        }
        allRunning &= "RUNNING".equals(state);
      }
      if (allRunning) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the jobs did not all run within " + timeout.toSeconds() + " s: " + states);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("riskstream deploy: " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }
}
