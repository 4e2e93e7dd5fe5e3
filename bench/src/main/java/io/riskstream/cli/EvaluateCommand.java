package io.riskstream.cli;

import io.riskstream.evaluation.Evaluation;
import io.riskstream.evaluation.EvaluationOutcome;
import io.riskstream.evaluation.HandbookProtocol;
import io.riskstream.evaluation.report.ReportFiles;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.TrainingPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream evaluate}. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a labelled transaction dataset through the whole platform (a real broker, the"
          + " scoring job, the learner job) with delayed labels: trains model version 1 on the"
          + " labels known when scoring starts, scores every transaction from --score-from before"
          + " its label is released, and learns online from the released labels.",
      "Last line: auc=… ap=… cp100=… recall_at_1pct_fpr=… txn_per_s=… seconds=…"
    })
public final class EvaluateCommand implements Callable<Integer>, CommandExtension {
  /** Long enough that a replay's batches fill up: versions follow labels, not the wall clock. */
  private static final Duration LEARNER_MAX_WAIT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;
  @Mixin FitOptions options;

  @Option(
      names = "--score-from",
      defaultValue = "2018-08-01",
      paramLabel = "DATE",
      description =
          "Score and measure transactions from this UTC date on (default: ${DEFAULT-VALUE}).")
  LocalDate scoreFrom;

  @Option(
      names = "--score-until",
      paramLabel = "DATE",
      description = "Stop before this UTC date (default: the end of the data).")
  LocalDate scoreUntil;

  @Option(
      names = "--spec",
      defaultValue = "handbook",
      paramLabel = "NAME",
      description =
          "Feature spec: handbook (the handbook's 15 features, for its data) or default (the"
              + " scorer's) (default: ${DEFAULT-VALUE}).")
  String specName;

  @Option(
      names = "--train-days",
      defaultValue = "21",
      description =
          "Days of labelled transactions version 1 is trained on, ending one label delay before"
              + " --score-from (default: ${DEFAULT-VALUE}).")
  int trainDays;

  @Option(
      names = "--history-length",
      defaultValue = "32",
      paramLabel = "L",
      description = "Past events of the card the model reads (default: ${DEFAULT-VALUE}).")
  int historyLength;

  @Option(
      names = "--max-rate",
      defaultValue = "0",
      description =
          "Replay at most this many transactions per second; 0: as fast as the platform scores"
              + " (default: ${DEFAULT-VALUE}).")
  double maxRate;

  @Option(
      names = "--max-in-flight",
      defaultValue = "12000",
      description =
          "Transactions published but not yet scored, at most: bounds how far the replay runs"
              + " ahead of the platform, so how late a label may reach the features. Scores"
              + " commit once per checkpoint, so this must cover a checkpoint interval of"
              + " scoring or the replay idles (default: ${DEFAULT-VALUE}, about 30 hours of the"
              + " handbook data).")
  int maxInFlight;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "10s",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "How often the jobs checkpoint, so how often scores commit. Each checkpoint flushes"
              + " every RocksDB state to a small file; at the live default (2s) compacting them"
              + " took most of a replay's CPU (default: ${DEFAULT-VALUE}).")
  Duration checkpointInterval;

  @Option(
      names = "--learner-batch-size",
      defaultValue = "2048",
      description =
          "Labels per training mini-batch, so per published version. A replay compresses weeks"
              + " into minutes, so the live default (256) would publish a version every few"
              + " seconds of wall time and spend the replay on gate checks and commits; 2048 is"
              + " about five hours of this data's labels (default: ${DEFAULT-VALUE}).")
  int learnerBatchSize;

  @Option(
      names = "--learner-plan",
      paramLabel = "PLAN",
      description =
          "What the learner trains and how, e.g. head=adam(lr=0.001);experts=adam(lr=0.0005)"
              + " (default: the platform's, "
              + "head=ftrl(alpha=0.05,beta=1,l1=0,l2=0);experts=adam(lr=0.01)).")
  String learnerPlan;

  @Option(
      names = "--report",
      required = true,
      paramLabel = "DIR",
      description = "Where to write metrics.json and report.html (created if missing).")
  Path report;

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description =
          "handbook-ch3: the fraud-detection handbook's Chapter 3 setup instead of a replay"
              + " (train 2018-07-25..31, 7-day delay, test 2018-08-08..14; --score-from is"
              + " ignored), printing its three metrics beside the handbook's tables.")
  String protocol;

  @Option(
      names = "--initial-model",
      paramLabel = "DIR",
      description =
          "Start from this saved model (riskstream model train --out DIR) instead of training"
              + " version 1.")
  Path initialModel;

  private LearnerSettings learnerSettings() {
    LearnerSettings learner =
        LearnerSettings.defaults().withCadence(learnerBatchSize, LEARNER_MAX_WAIT);
    if (learnerPlan == null) {
      return learner;
    }
    try {
      return learner.withPlan(TrainingPlan.parse(learnerPlan));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--learner-plan: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    FeatureSpec featureSpec = options.check(specName);
    if (protocol != null && !protocol.equals("handbook-ch3")) {
      throw new IllegalArgumentException("--protocol must be handbook-ch3, was " + protocol);
    }
    if (learnerBatchSize < 1) {
      throw new IllegalArgumentException(
          "--learner-batch-size must be at least 1, was " + learnerBatchSize);
    }
    if (checkpointInterval.isZero() || checkpointInterval.isNegative()) {
      throw new IllegalArgumentException(
          "--checkpoint-interval must be positive, was " + checkpointInterval);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("--max-in-flight must be at least 1, was " + maxInFlight);
    }
    ModelConfig config =
        options.withIds(
            ModelConfig.defaults(featureSpec.size()).withHistoryLength(historyLength), false);
    long from = CliSupport.startOf(scoreFrom);
    long until = scoreUntil == null ? Long.MAX_VALUE : CliSupport.startOf(scoreUntil);
    Evaluation.Options evaluation =
        new Evaluation.Options(
            options.transactions,
            options.columns.mapping(),
            featureSpec,
            options.labelDelay,
            from,
            until,
            trainDays,
            config,
            options.fit(),
            learnerSettings(),
            options.parallelism,
            maxRate,
            maxInFlight,
            checkpointInterval,
            initialModel);
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(report);
    return CliSupport.printSummary(
        out,
        "riskstream-evaluate-",
        dir -> {
          EvaluationOutcome outcome =
              "handbook-ch3".equals(protocol)
                  ? EvaluationOutcome.ofProtocol(
                      HandbookProtocol.run(
                          options.source(featureSpec), config, options.fit(), dir, out))
                  : EvaluationOutcome.ofReplay(
                      evaluation, Evaluation.run(evaluation, dir, out), out);
          ReportFiles.write(report, outcome.report());
          out.printf("report: %s%n", report.resolve("report.html").toAbsolutePath());
          return outcome.summary();
        });
  }
}
