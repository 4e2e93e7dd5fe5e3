package io.riskstream.training;

import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.model.RankingMetrics;
import io.riskstream.model.ScoringInput;
import java.io.PrintWriter;
import java.util.List;

/** Fits a model of one config on examples and measures how well it ranks examples. */
public final class Fitting {
  private Fitting() {}

  /** A model fitted in place, with the mean loss of each epoch. */
  public record Fitted(FraudModel model, double[] losses) {
    public double lastLoss() {
      return losses[losses.length - 1];
    }
  }

  /** AUC and average precision of a model's scores on some examples. */
  public record Quality(double auc, double ap) {}

  /** A fresh model of {@code config} trained on {@code examples}; the caller closes it. */
  public static Fitted fit(
      ModelConfig config,
      List<LabelledInput> examples,
      OfflineFit fit,
      String name,
      PrintWriter log) {
    FraudModel model = FraudModel.create(config);
    try {
      long start = System.nanoTime();
      double[] losses =
          fit.train(
              model,
              inputs(examples),
              labels(examples),
              epoch -> {
                log.printf(
                    "%s: epoch %d of %d done after %.0f s%n",
                    name, epoch, fit.epochs(), (System.nanoTime() - start) / 1e9);
                log.flush();
              });
      return new Fitted(model, losses);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  static Quality quality(FraudModel model, List<LabelledInput> examples) {
    float[] scores = OfflineFit.score(model, inputs(examples));
    float[] labels = labels(examples);
    return new Quality(
        RankingMetrics.auc(scores, labels), RankingMetrics.averagePrecision(scores, labels));
  }

  public static List<ScoringInput> inputs(List<LabelledInput> examples) {
    return examples.stream().map(LabelledInput::input).toList();
  }

  static float[] labels(List<LabelledInput> examples) {
    float[] labels = new float[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).label();
    }
    return labels;
  }

  static long frauds(List<LabelledInput> examples) {
    return examples.stream().filter(LabelledInput::fraud).count();
  }
}
