package io.riskstream.cli;

import io.riskstream.demo.DemoRun;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.learner.challenger.ChallengerSettings;
import io.riskstream.learner.challenger.FtrlParams;
import io.riskstream.learner.drift.DriftSettings;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.SavedModel;
import io.riskstream.model.TrainingPlan;
import io.riskstream.scoring.BatchLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream demo}: the whole platform on this machine, on real components. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole loop on this machine: a real Kafka broker (child JVM), the scoring and"
          + " learning Flink jobs in a MiniCluster (RocksDB state, exactly-once checkpoints), and"
          + " a synthetic stream of card transactions with delayed fraud labels.",
      "Prints one live progress line until Ctrl-C or --duration, then a key=value summary."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DashboardOptions dashboard;

  @Option(
      names = "--no-flink-metrics",
      description =
          "Do not run Flink's Prometheus reporter. It runs by default, its URL printed at start;"
              + " it has no bind address option and listens on every interface.")
  boolean noFlinkMetrics;

  @Option(
      names = "--flink-metrics-port",
      defaultValue = "0",
      paramLabel = "PORT",
      description =
          "Port of Flink's Prometheus reporter; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int flinkMetricsPort;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this long, e.g. 60s or 5m (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--data-dir",
      description =
          "Broker logs, checkpoints and savepoints go here, and stay (default: a temp dir, removed at exit).")
  Path dataDir;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions per topic and job parallelism (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--rate",
      defaultValue = "500",
      description = "Transactions per second to generate (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--label-delay",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "How long after a transaction its fraud label arrives (default: ${DEFAULT-VALUE}).")
  Duration labelDelay;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "Flink checkpoint interval; exactly-once output is committed at each checkpoint (default: ${DEFAULT-VALUE}).")
  Duration checkpointInterval;

  @Option(
      names = "--max-out-of-orderness",
      defaultValue = "200ms",
      converter = DurationConverter.class,
      description =
          "How far out of event-time order transactions may arrive and still be featured in order;"
              + " also the longest a feature stage holds one (default: ${DEFAULT-VALUE}).")
  Duration maxOutOfOrderness;

  @Option(
      names = "--score-batch-size",
      defaultValue = "256",
      description =
          "The scorer scores at most this many transactions in one model call (default: ${DEFAULT-VALUE}).")
  int scoreBatchSize;

  @Option(
      names = "--score-max-wait",
      defaultValue = "5ms",
      converter = DurationConverter.class,
      description =
          "The longest a transaction waits for its scoring batch to fill (default: ${DEFAULT-VALUE}).")
  Duration scoreMaxWait;

  @Option(
      names = "--device",
      defaultValue = "auto",
      converter = DevicePreferenceConverter.class,
      description =
          "Where the scorers run the model: auto (a GPU when PyTorch sees one, else the CPU), cpu"
              + " or gpu (default: ${DEFAULT-VALUE}).")
  DevicePreference device;

  @Option(
      names = "--initial-model",
      paramLabel = "DIR",
      description =
          "Start scorers and the learner from this saved model (riskstream model train --out DIR)"
              + " instead of the seeded version 0; it must use the demo's feature spec (default).")
  Path initialModel;

  @Option(
      names = "--learner-plan",
      paramLabel = "PLAN",
      description =
          "What the learner trains and how, per parameter group, e.g."
              + " head=ftrl(alpha=0.05,beta=1,l1=0,l2=0);experts=adam(lr=0.01);"
              + "embeddings=adagrad(lr=0.05);loss=focal(gamma=2,alpha=0.25);clip=5"
              + " (default: FTRL-Proximal head, Adam experts, weighted cross-entropy).")
  String learnerPlan;

  @Option(
      names = "--learner-batch-size",
      defaultValue = "256",
      description = "Labels per training mini-batch (default: ${DEFAULT-VALUE}).")
  int learnerBatchSize;

  @Option(
      names = "--learner-max-wait",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "The longest a mini-batch waits after its first label (default: ${DEFAULT-VALUE}).")
  Duration learnerMaxWait;

  @Option(
      names = "--drift",
      defaultValue = "raise-lr:3x:20",
      paramLabel = "SPEC",
      description =
          "Page-Hinkley drift detection on the champion's prequential error and the reaction:"
              + " off, none (report only), raise-lr:FACTORx:BATCHES or reset:GROUP, optionally"
              + " followed by ,delta=D,lambda=L,alpha=A,min=N (default: ${DEFAULT-VALUE}).")
  String drift;

  @Option(
      names = "--challenger",
      defaultValue = "ftrl",
      paramLabel = "SPEC",
      description =
          "The model run in the champion's shadow: none, or ftrl(alpha=..,beta=..,reg=..,"
              + "elasticNet=..), Flink ML's FTRL logistic regression on standardized features"
              + " (default: ${DEFAULT-VALUE}, alpha=3,beta=1,reg=0.01,elasticNet=0).")
  String challenger;

  @Option(
      names = "--promote-challenger",
      description =
          "Let the challenger decide once its prequential average precision beats the champion's"
              + " by 0.02, and hand back when the champion beats it by as much (default: shadow"
              + " only).")
  boolean promoteChallenger;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the synthetic stream (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, was " + partitions);
    }
    if (maxOutOfOrderness.isZero()) {
      throw new IllegalArgumentException("--max-out-of-orderness must be positive");
    }
    if (flinkMetricsPort < 0 || flinkMetricsPort > 65_535) {
      throw new IllegalArgumentException(
          "--flink-metrics-port must be 0 to 65535, was " + flinkMetricsPort);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive, was " + rate);
    }
    try {
      device.resolve(); // before anything starts: a GPU asked for and absent is one line, not a job
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("--device " + device + ": " + e.getMessage());
    }
    SavedModel initial = initialModel == null ? null : SavedModel.load(initialModel);
    LearnerSettings learner = learnerSettings();
    DemoRun run =
        new DemoRun(
            dataDir,
            partitions,
            rate,
            labelDelay,
            settings ->
                settings
                    .withCheckpointInterval(checkpointInterval)
                    .withMaxOutOfOrderness(maxOutOfOrderness)
                    .withScoringBatches(new BatchLimits(scoreBatchSize, scoreMaxWait))
                    .withDevice(device)
                    .withInitialModel(initial)
                    .withLearner(learner),
            seed,
            dashboard::forBroker,
            noFlinkMetrics ? OptionalInt.empty() : OptionalInt.of(flinkMetricsPort),
            spec.commandLine().getOut());
    return run.runUntilStopped(duration);
  }

  private LearnerSettings learnerSettings() {
    if (learnerBatchSize < 1) {
      throw new IllegalArgumentException(
          "--learner-batch-size must be at least 1, was " + learnerBatchSize);
    }
    LearnerSettings learner =
        LearnerSettings.defaults()
            .withCadence(learnerBatchSize, learnerMaxWait)
            .withChallenger(challengerSettings());
    if (learnerPlan != null) {
      learner = learner.withPlan(named("--learner-plan", () -> TrainingPlan.parse(learnerPlan)));
    }
    DriftSettings driftSettings = named("--drift", () -> DriftSettings.parse(drift));
    LearnerSettings base = learner;
    return named("--drift", () -> base.withDrift(driftSettings));
  }

  private ChallengerSettings challengerSettings() {
    FtrlParams ftrl = named("--challenger", () -> FtrlParams.parseOrNone(challenger));
    if (ftrl == null) {
      if (promoteChallenger) {
        throw new IllegalArgumentException("--promote-challenger needs a --challenger");
      }
      return null;
    }
    return promoteChallenger
        ? ChallengerSettings.promotable(ftrl)
        : ChallengerSettings.shadow(ftrl);
  }

  /** The option's value, or one line naming the option and what is wrong with it. */
  private static <T> T named(String option, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }
}
