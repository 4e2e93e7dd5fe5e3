package io.riskstream.training;

import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.model.SavedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code riskstream model train}: fits version 1 of the model on a historic slice, with features
 * computed by the streaming feature stages, and saves it as a {@link SavedModel}.
 */
public final class InitialTraining {

  /**
   * What to train.
   *
   * @param window the transactions that become training examples
   * @param config the network; its feature width must be the spec's
   */
  public record Options(
      ExampleReplay.Source source,
      TimeWindow window,
      ModelConfig config,
      OfflineFit fit,
      String modelId,
      Path out) {
    public Options {
      if (config.featureDim() != source.spec().size()) {
        throw new IllegalArgumentException(
            "the model reads "
                + config.featureDim()
                + " features, spec "
                + source.spec().id()
                + " has "
                + source.spec().size());
      }
    }
  }

  /** What the training did; {@link #summary()} is the command's last line. */
  public record Result(
      long rows,
      long frauds,
      int epochs,
      double loss,
      double aucTrain,
      double apTrain,
      long trainedThrough,
      double seconds) {
    public String summary() {
      return String.format(
          Locale.ROOT,
          "rows=%d frauds=%d epochs=%d loss=%.4f auc_train=%.4f ap_train=%.4f seconds=%.1f",
          rows,
          frauds,
          epochs,
          loss,
          aucTrain,
          apTrain,
          seconds);
    }
  }

  private InitialTraining() {}

  public static Result run(Options options, Path workDir, PrintWriter log) throws Exception {
    long start = System.nanoTime();
    ExampleReplay.Replayed replayed =
        ExampleReplay.run(
            options.source(),
            options.config().historyLength(),
            List.of(options.window()),
            workDir,
            log);
    List<LabelledInput> examples = replayed.examples().get(0);
    long frauds = Fitting.frauds(examples);
    if (frauds == 0) {
      throw new IllegalArgumentException(
          "no fraud among the "
              + examples.size()
              + " transactions "
              + options.window()
              + ": nothing to learn from");
    }
    long trainedThrough = examples.get(examples.size() - 1).eventTime();
    log.printf(
        "%,d examples (%,d frauds) from %s to %s; training %s%n",
        examples.size(),
        frauds,
        Instant.ofEpochMilli(examples.get(0).eventTime()),
        Instant.ofEpochMilli(trainedThrough),
        options.config());
    log.flush();
    Fitting.Fitted fitted = Fitting.fit(options.config(), examples, options.fit(), "training", log);
    try {
      Fitting.Quality quality = Fitting.quality(fitted.model(), examples);
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("rows", Long.toString(examples.size()));
      figures.put("frauds", Long.toString(frauds));
      figures.put("epochs", Integer.toString(options.fit().epochs()));
      figures.put("batchSize", Integer.toString(options.fit().batchSize()));
      figures.put("learningRate", Float.toString(options.fit().learningRate()));
      figures.put("positiveWeight", Float.toString(options.fit().positiveWeight()));
      figures.put("shuffleSeed", Long.toString(options.fit().seed()));
      figures.put("labelDelay", options.source().labelDelay().toString());
      figures.put("from", Instant.ofEpochMilli(examples.get(0).eventTime()).toString());
      figures.put("loss", format(fitted.lastLoss()));
      figures.put("aucTrain", format(quality.auc()));
      figures.put("apTrain", format(quality.ap()));
      SavedModel saved =
          SavedModel.of(
              fitted.model(),
              options.modelId(),
              1,
              trainedThrough,
              options.source().spec().id(),
              figures);
      saved.save(options.out());
      log.printf("saved %s in %s%n", saved, options.out());
      log.flush();
      return new Result(
          examples.size(),
          frauds,
          options.fit().epochs(),
          fitted.lastLoss(),
          quality.auc(),
          quality.ap(),
          trainedThrough,
          (System.nanoTime() - start) / 1e9);
    } finally {
      fitted.model().close();
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
