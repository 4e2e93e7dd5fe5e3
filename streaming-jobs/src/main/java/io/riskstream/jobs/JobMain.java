package io.riskstream.jobs;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job jar's entry point for {@code flink run}: {@code scoring|learner --bootstrap HOST:PORT
 * --checkpoints URI}. It defines the same job as the embedded runtime ({@link JobGraphs}, with the
 * platform's configuration: exactly-once checkpoints under {@code URI/<job name>} on RocksDB) and
 * executes it on the environment {@code flink run} provides. Bad arguments are one line on stderr
 * and exit code 2.
 */
@Command(
    name = "riskstream-jobs",
    mixinStandardHelpOptions = true,
    description = "Submits a RiskStream job to a Flink cluster (run it with `flink run`).")
public final class JobMain implements Callable<Integer> {
  /** The platform's two jobs. */
  public enum Job {
    scoring,
    learner
  }

  @Parameters(index = "0", paramLabel = "JOB", description = "scoring or learner.")
  Job job;

  @Option(
      names = "--bootstrap",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(
      names = "--checkpoints",
      required = true,
      paramLabel = "URI",
      description =
          "Checkpoint directory the cluster can reach (file:///…, s3://…); each job uses its own"
              + " subdirectory.")
  URI checkpoints;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Parallelism of the job (default: the platform's, 2).")
  Integer parallelism;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The configured command line; bad arguments print one line naming the problem. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new JobMain());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("riskstream-jobs: " + ex.getMessage());
          err.flush();
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("riskstream-jobs: " + ex.getMessage());
            commandLine.getErr().flush();
            return 2;
          }
          throw ex;
        });
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    StreamExecutionEnvironment env = environment();
    env.execute(name());
    return 0;
  }

  /** The job's name, as the embedded runtime names it. */
  String name() {
    return job == Job.scoring ? ScoringJob.NAME : LearnerJob.NAME;
  }

  /** The job defined on {@code getExecutionEnvironment}, not yet executed. */
  StreamExecutionEnvironment environment() {
    PlatformSettings settings = PlatformSettings.defaults(bootstrap);
    if (parallelism != null) {
      settings = settings.withParallelism(parallelism);
    }
    String dir = jobCheckpoints(checkpoints, name());
    return job == Job.scoring
        ? JobGraphs.scoringEnvironment(settings, dir)
        : JobGraphs.learnerEnvironment(settings, dir);
  }

  /** {@code base/name}: each job checkpoints into its own directory, as in the embedded runtime. */
  static String jobCheckpoints(URI base, String name) {
    if (base.getScheme() == null || base.isOpaque()) {
      throw new IllegalArgumentException(
          "--checkpoints must be an absolute URI such as file:///data/checkpoints, was " + base);
    }
    String text = base.toString();
    return (text.endsWith("/") ? text : text + "/") + name;
  }
}
