package io.riskstream.cli;

import io.riskstream.control.ModelEventLog;
import io.riskstream.control.RollbackRequest;
import io.riskstream.control.VersionTable;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.Topic;
import io.riskstream.training.AttentionComparison;
import io.riskstream.training.InitialTraining;
import io.riskstream.training.TimeWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream model …}: offline training and evaluation of the fraud model. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "Offline training and evaluation of the fraud model; the live model's versions and"
            + " rollback.",
    subcommands = {
      ModelCommand.Train.class,
      ModelCommand.CompareAttention.class,
      ModelCommand.ListVersions.class,
      ModelCommand.Rollback.class
    })
public final class ModelCommand {

  /** {@code riskstream model train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Fits model version 1 on a historic slice: replays the transactions and their delayed"
            + " labels through a real Kafka broker and the streaming feature stages (as the"
            + " scoring job computes features), then trains every parameter group on the"
            + " transactions from --from until --until, each labelled with its own fraud flag."
            + " Writes DIR: model.properties and one payload file per parameter group.",
        "Last line: rows=N frauds=M epochs=E loss=X auc_train=A ap_train=P seconds=S"
      })
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FitOptions options;

    @Option(
        names = "--until",
        required = true,
        paramLabel = "DATE",
        description = "Train on transactions before this UTC date, e.g. 2018-08-01.")
    LocalDate until;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description =
            "Train on transactions from this UTC date on (default: all before --until; the"
                + " features of the data's first weeks then miss their earlier history).")
    LocalDate from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to save.")
    Path out;

    @Option(
        names = "--spec",
        defaultValue = "default",
        paramLabel = "NAME",
        description =
            "Feature spec: default (the scorer's) or handbook (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(
        names = "--history-length",
        defaultValue = "32",
        paramLabel = "L",
        description = "Past events of the card the model reads (default: ${DEFAULT-VALUE}).")
    int historyLength;

    @Option(
        names = "--attention",
        defaultValue = "sparse",
        paramLabel = "MODE",
        description =
            "sparse (local window + gated top-k) or dense (all L events) (default:"
                + " ${DEFAULT-VALUE}).")
    String attention;

    @Option(
        names = "--model-id",
        defaultValue = LearnerSettings.DEFAULT_MODEL_ID,
        description = "Model id stamped on every payload (default: ${DEFAULT-VALUE}).")
    String modelId;

    @Override
    public Integer call() throws Exception {
      FeatureSpec featureSpec = options.check(specName);
      if (historyLength < 1 || historyLength > 2048) {
        throw new IllegalArgumentException(
            "--history-length must be in 1..2048, got " + historyLength);
      }
      ModelConfig sparse =
          options.withIds(
              ModelConfig.defaults(featureSpec.size()).withHistoryLength(historyLength), true);
      ModelConfig config =
          switch (attention) {
            case "sparse" -> sparse;
            case "dense" -> sparse.dense();
            default ->
                throw new IllegalArgumentException(
                    "--attention must be sparse or dense, was " + attention);
          };
      long untilMillis = CliSupport.startOf(until);
      long fromMillis = from == null ? Long.MIN_VALUE : CliSupport.startOf(from);
      if (fromMillis >= untilMillis) {
        throw new IllegalArgumentException("--from must be before --until");
      }
      PrintWriter log = spec.commandLine().getOut();
      return CliSupport.printSummary(
          log,
          "riskstream-train-",
          dir ->
              InitialTraining.run(
                      new InitialTraining.Options(
                          options.source(featureSpec),
                          new TimeWindow(fromMillis, untilMillis),
                          config,
                          options.fit(),
                          modelId,
                          out),
                      dir,
                      log)
                  .summary());
    }
  }

  /** {@code riskstream model compare-attention}. */
  @Command(
      name = "compare-attention",
      mixinStandardHelpOptions = true,
      description = {
        "Sparse (local window + gated top-k) against dense attention at history length L, offline:"
            + " features computed once by the streaming feature stages, both models trained from"
            + " the same seed on the same examples (by default the handbook's Chapter 3 split:"
            + " train 2018-07-25..31, test 2018-08-08..14), then AUC and average precision on the"
            + " test week and the scoring cost of each at batch 256 on one thread, measured in"
            + " turns on the same batches.",
        "Last line: ap_sparse=X ap_dense=Y ap_loss_pp=Z auc_sparse=… auc_dense=…"
            + " topk_vs_dense_speedup_L256=S"
      })
  static final class CompareAttention implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FitOptions options;

    @Option(
        names = "--train-from",
        defaultValue = "2018-07-25",
        paramLabel = "DATE",
        description = "First training day, UTC (default: ${DEFAULT-VALUE}).")
    LocalDate trainFrom;

    @Option(
        names = "--train-until",
        defaultValue = "2018-08-01",
        paramLabel = "DATE",
        description = "Training data ends before this UTC date (default: ${DEFAULT-VALUE}).")
    LocalDate trainUntil;

    @Option(
        names = "--test-from",
        defaultValue = "2018-08-08",
        paramLabel = "DATE",
        description = "First test day, UTC (default: ${DEFAULT-VALUE}).")
    LocalDate testFrom;

    @Option(
        names = "--test-until",
        defaultValue = "2018-08-15",
        paramLabel = "DATE",
        description = "Test data ends before this UTC date (default: ${DEFAULT-VALUE}).")
    LocalDate testUntil;

    @Option(
        names = "--spec",
        defaultValue = "handbook",
        paramLabel = "NAME",
        description = "Feature spec: handbook or default (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(
        names = "--history-length",
        defaultValue = "256",
        paramLabel = "L",
        description = "Past events of the card both models read (default: ${DEFAULT-VALUE}).")
    int historyLength;

    @Option(
        names = "--local-window",
        defaultValue = "4",
        paramLabel = "W",
        description = "Sparse model: newest events always attended (default: ${DEFAULT-VALUE}).")
    int localWindow;

    @Option(
        names = "--top-k",
        defaultValue = "8",
        paramLabel = "K",
        description = "Sparse model: older events the gate keeps (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(
        names = "--seeds",
        defaultValue = "3",
        paramLabel = "N",
        description =
            "Shuffle seeds each model is trained with; the test AUC and AP are their means"
                + " (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(
        names = "--seconds-per-point",
        defaultValue = "5",
        paramLabel = "S",
        description = "Seconds the scoring cost is measured (default: ${DEFAULT-VALUE}).")
    double secondsPerPoint;

    @Override
    public Integer call() throws Exception {
      FeatureSpec featureSpec = options.check(specName);
      if (localWindow < 0 || topK < 1 || localWindow + topK > historyLength) {
        throw new IllegalArgumentException(
            "need --local-window >= 0, --top-k >= 1 and their sum <= --history-length");
      }
      if (!(secondsPerPoint > 0 && secondsPerPoint <= 600)) {
        throw new IllegalArgumentException("--seconds-per-point must be in (0, 600]");
      }
      TimeWindow train =
          new TimeWindow(CliSupport.startOf(trainFrom), CliSupport.startOf(trainUntil));
      TimeWindow test = new TimeWindow(CliSupport.startOf(testFrom), CliSupport.startOf(testUntil));
      if (test.from() < train.until()) {
        throw new IllegalArgumentException("the test window must start after training ends");
      }
      ModelConfig sparse =
          options.withIds(
              ModelConfig.defaults(featureSpec.size())
                  .withHistory(historyLength, localWindow, topK),
              false);
      PrintWriter log = spec.commandLine().getOut();
      return CliSupport.printSummary(
          log,
          "riskstream-compare-",
          dir ->
              AttentionComparison.run(
                      new AttentionComparison.Options(
                          options.source(featureSpec),
                          train,
                          test,
                          sparse,
                          options.fit(),
                          seeds,
                          Duration.ofMillis(Math.round(secondsPerPoint * 1000))),
                      dir,
                      log)
                  .summary());
    }
  }

  /** {@code riskstream model list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the live model's history from model-events: every version published, every"
            + " candidate the update gate rejected, rollbacks and drift, with their figures.",
        "Last line: published=N rejected=R rollbacks=B drifts=D newest_version=V"
      })
  static final class ListVersions implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KafkaOptions kafka;

    @Option(
        names = "--model-id",
        defaultValue = LearnerSettings.DEFAULT_MODEL_ID,
        description = "The model (default: ${DEFAULT-VALUE}).")
    String modelId;

    @Override
    public Integer call() {
      Optional<String> unusable = kafka.whyUnusable(Topic.MODEL_EVENTS);
      if (unusable.isPresent()) {
        return CliSupport.usageError(spec, "model list", unusable.get());
      }
      PrintWriter out = spec.commandLine().getOut();
      try (ModelEventLog events = new ModelEventLog(kafka.bootstrap(), kafka.clientProperties())) {
        VersionTable.lines(events.all(modelId)).forEach(out::println);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code riskstream model rollback}. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Asks the learner to publish version V again as the newest version; the scorers switch"
            + " to it as to any new version. The learner keeps the newest "
            + "200 versions for this and trains on from the weights it rolled back to.",
        "Last line: rolled_back_to=V version=N (the new version's number)"
      })
  static final class Rollback implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KafkaOptions kafka;

    @Option(names = "--to", required = true, paramLabel = "V", description = "The version.")
    long toVersion;

    @Option(
        names = "--model-id",
        defaultValue = LearnerSettings.DEFAULT_MODEL_ID,
        description = "The model (default: ${DEFAULT-VALUE}).")
    String modelId;

    @Option(
        names = "--timeout",
        defaultValue = "60s",
        converter = DurationConverter.class,
        description = "How long to wait for the learner's answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
      if (toVersion < 0) {
        return CliSupport.usageError(
            spec, "model rollback", "--to must be a version >= 0, got " + toVersion);
      }
      Optional<String> unusable =
          kafka.whyUnusable(Topic.MODEL_CONTROL).or(() -> kafka.whyUnusable(Topic.MODEL_EVENTS));
      if (unusable.isPresent()) {
        return CliSupport.usageError(spec, "model rollback", unusable.get());
      }
      Optional<ModelEvent> answer =
          RollbackRequest.send(
              kafka.bootstrap(), kafka.clientProperties(), modelId, toVersion, timeout);
      if (answer.isEmpty()) {
        return CliSupport.usageError(
            spec,
            "model rollback",
            "no answer from the learner within " + timeout.toSeconds() + " s: is it running?");
      }
      if (answer.get().getKind() != ModelEventKind.ROLLED_BACK) {
        return CliSupport.usageError(
            spec, "model rollback", "refused: " + answer.get().getReason());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(answer.get().getReason());
      out.println("rolled_back_to=" + toVersion + " version=" + answer.get().getVersion());
      out.flush();
      return 0;
    }
  }
}
