package io.riskstream.cli;

import io.riskstream.evaluation.Evaluation;
import io.riskstream.evaluation.Observed;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.RankingMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
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
  @Spec CommandSpec spec;
  @Mixin FitOptions options;

  @Option(
      names = "--score-from",
      required = true,
      paramLabel = "DATE",
      description = "Score and measure transactions from this UTC date on, e.g. 2018-08-01.")
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
      defaultValue = "4000",
      description =
          "Transactions published but not yet scored, at most: bounds how far the replay runs"
              + " ahead of the platform (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--initial-model",
      paramLabel = "DIR",
      description =
          "Start from this saved model (riskstream model train --out DIR) instead of training"
              + " version 1.")
  Path initialModel;

  @Override
  public Integer call() throws Exception {
    FeatureSpec featureSpec = options.check(specName);
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
            featureSpec,
            options.labelDelay,
            from,
            until,
            trainDays,
            config,
            options.fit(),
            LearnerSettings.defaults(),
            options.parallelism,
            maxRate,
            maxInFlight,
            initialModel);
    PrintWriter out = spec.commandLine().getOut();
    return CliSupport.printSummary(
        out,
        "riskstream-evaluate-",
        dir -> {
          Evaluation.Run run = Evaluation.run(evaluation, dir, out);
          List<Observed> scored =
              run.replay().observed().stream().filter(o -> o.eventTime >= from).toList();
          out.printf(
              Locale.ROOT,
              "static: auc=%.4f ap=%.4f; challenger: auc=%.4f ap=%.4f%n",
              auc(scored, o -> o.staticScore),
              ap(scored, o -> o.staticScore),
              auc(scored, o -> o.challengerScore),
              ap(scored, o -> o.challengerScore));
          return String.format(
              Locale.ROOT,
              "auc=%.4f ap=%.4f transactions=%d txn_per_s=%.1f seconds=%.1f",
              auc(scored, o -> o.score),
              ap(scored, o -> o.score),
              scored.size(),
              run.replay().published() / run.replay().seconds(),
              run.seconds());
        });
  }

  private static double auc(List<Observed> scored, ToDoubleFunction<Observed> score) {
    return RankingMetrics.auc(scores(scored, score), labels(scored));
  }

  private static double ap(List<Observed> scored, ToDoubleFunction<Observed> score) {
    return RankingMetrics.averagePrecision(scores(scored, score), labels(scored));
  }

  private static float[] scores(List<Observed> scored, ToDoubleFunction<Observed> score) {
    float[] out = new float[scored.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) score.applyAsDouble(scored.get(i));
    }
    return out;
  }

  private static float[] labels(List<Observed> scored) {
    float[] out = new float[scored.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scored.get(i).fraud ? 1 : 0;
    }
    return out;
  }
}
