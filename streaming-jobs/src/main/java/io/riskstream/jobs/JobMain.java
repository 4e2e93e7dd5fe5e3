package io.riskstream.jobs;

import io.riskstream.kafka.KafkaProperties;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job jar's entry point for {@code flink run}: {@code scoring|learner --bootstrap HOST:PORT
 * --checkpoints URI [--parallelism N] [--kafka-config FILE]}. It defines the same job as the
 * embedded runtime ({@link JobGraphs}, with the platform's configuration: exactly-once checkpoints
 * under {@code URI/<job name>} on RocksDB) and executes it on the environment {@code flink run}
 * provides. Bad arguments are one line on stderr and exit code 2.
 *
 * <p>Kafka client properties (SASL, SSL) come from {@code --kafka-config FILE}, read where {@code
 * main} runs (the machine of {@code flink run}), or from the job's Flink configuration entries
 * {@code riskstream.kafka.secret.*} (see {@link KafkaSecrets}; {@code riskstream deploy} passes
 * them so). Either way they travel to the task managers only inside the job's serialized sources
 * and sinks, never as a program argument.
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

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties (SASL/SSL) for every source and sink, a Java properties file"
              + " read where this main runs.")
  Path kafkaConfig;

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
    PlatformSettings settings =
        PlatformSettings.defaults(bootstrap).withKafkaProperties(kafkaProperties());
    if (parallelism != null) {
      settings = settings.withParallelism(parallelism);
    }
    String dir = jobCheckpoints(checkpoints, name());
    return job == Job.scoring
        ? JobGraphs.scoringEnvironment(settings, dir)
        : JobGraphs.learnerEnvironment(settings, dir);
  }

  /**
   * The file's properties, else those in the Flink configuration the cluster runs {@code main} with
   * (a throwaway environment is the way to read it: the REST request's configuration is in no
   * global file). Both at once would be ambiguous.
   */
  KafkaProperties kafkaProperties() {
    KafkaProperties fromFlink =
        KafkaSecrets.fromFlinkConfiguration(
            StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration().toMap());
    if (kafkaConfig == null) {
      return fromFlink;
    }
    if (!fromFlink.isEmpty()) {
      throw new IllegalArgumentException(
          "Kafka properties come both from --kafka-config and from the Flink configuration ("
              + KafkaSecrets.PREFIX
              + "*); use one");
    }
    return KafkaProperties.load(kafkaConfig);
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
