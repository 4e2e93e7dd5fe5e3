package io.riskstream.evaluation;

import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.Staleness;
import io.riskstream.evaluation.report.EvaluationReport;
import io.riskstream.evaluation.report.ModelResult;
import io.riskstream.evaluation.report.Performance;
import io.riskstream.evaluation.report.PublishedResult;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.training.ExampleReplay;
import io.riskstream.training.Fitting;
import io.riskstream.training.LabelledInput;
import io.riskstream.training.TimeWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fraud-detection handbook's Chapter 3 baseline setup, reproduced on its own data: train on
 * 2018-07-25..31, a 7-day delay in which no label of the test week is known, test on
 * 2018-08-08..14, with the handbook's 15 features computed by the platform's feature stages. The
 * network is fitted once on the training week (as the handbook's models are); the baselines see the
 * same vectors through the same prequential replay as in a full evaluation, which with these
 * windows is exactly the handbook's static split.
 */
public final class HandbookProtocol {
  public static final TimeWindow TRAIN = window("2018-07-25", "2018-08-01");
  public static final TimeWindow DELAY = window("2018-08-01", "2018-08-08");
  public static final TimeWindow TEST = window("2018-08-08", "2018-08-15");

  private HandbookProtocol() {}

  /** The protocol's models, their metrics on the test week, and the handbook's own numbers. */
  public record Result(EvaluationReport report, String summary) {}

  public static Result run(
      ExampleReplay.Source source,
      ModelConfig config,
      OfflineFit fit,
      Path workDir,
      PrintWriter log)
      throws Exception {
    long start = System.nanoTime();
    List<List<LabelledInput>> windows =
        ExampleReplay.run(source, config.historyLength(), List.of(TRAIN, DELAY, TEST), workDir, log)
            .examples();
    List<LabelledInput> train = windows.get(0);
    List<LabelledInput> test = windows.get(2);
    List<Example> all = new ArrayList<>();
    windows.forEach(window -> window.forEach(e -> all.add(example(e))));
    KnownCompromisedCards known = new KnownCompromisedCards(all, source.labelDelay());

    List<ModelResult> models = new ArrayList<>();
    Fitting.Fitted fitted = Fitting.fit(config, train, fit, "riskstream network", log);
    try {
      float[] scores = OfflineFit.score(fitted.model(), Fitting.inputs(test));
      List<Scored> scored = new ArrayList<>(test.size());
      for (int i = 0; i < scores.length; i++) {
        LabelledInput example = test.get(i);
        scored.add(new Scored(example.cardId(), example.eventTime(), example.fraud(), scores[i]));
      }
      models.add(
          ModelResult.of(
              "riskstream-network",
              "the platform's sparse-attention network, fitted once on the training week",
              known.tested(scored)));
    } finally {
      fitted.model().close();
    }
    // The baselines learn from the training week only, as the handbook's models do.
    List<Example> examples = new ArrayList<>(train.size() + test.size());
    train.forEach(e -> examples.add(example(e)));
    test.forEach(e -> examples.add(example(e)));
    models.addAll(Baselines.run(examples, source.labelDelay(), TEST.from(), known, log));

    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("protocol", "handbook chapter 3");
    settings.put("train", TRAIN.toString());
    settings.put("test", TEST.toString());
    settings.put("label_delay", source.labelDelay().toString());
    settings.put("spec", source.spec().id());
    settings.put("files", source.files().toString());
    source.columns().ifPresent(columns -> settings.put("columns", columns.toString()));
    EvaluationReport report =
        new EvaluationReport(
            settings,
            models,
            PublishedResult.handbook(),
            new Performance(
                test.size(), (System.nanoTime() - start) / 1e9, Double.NaN, Double.NaN, Double.NaN),
            List.of(),
            Staleness.none());
    return new Result(report, summary(models, log));
  }

  private static Example example(LabelledInput input) {
    return new Example(input.cardId(), input.eventTime(), input.input().current(), input.fraud());
  }

  /** Prints the handbook's table shape and returns the summary line. */
  private static String summary(List<ModelResult> models, PrintWriter log) {
    log.printf("%-22s %7s %7s %7s%n", "model (test week)", "AUC", "AP", "CP@100");
    StringBuilder line = new StringBuilder("protocol=handbook-ch3");
    for (ModelResult model : models) {
      FraudMetrics.Summary m = model.metrics();
      log.printf(
          Locale.ROOT, "%-22s %7.3f %7.3f %7.3f%n", model.name(), m.auc(), m.ap(), m.cp100());
      String prefix = model == models.get(0) ? "" : model.name().replace('-', '_') + "_";
      line.append(
          String.format(
              Locale.ROOT,
              " %sauc=%.4f %sap=%.4f %scp100=%.4f",
              prefix,
              m.auc(),
              prefix,
              m.ap(),
              prefix,
              m.cp100()));
    }
    for (PublishedResult published : PublishedResult.handbook()) {
      log.printf(
          Locale.ROOT,
          "%-22s %7.3f %7.3f %7.3f  (%s)%n",
          published.name(),
          published.auc(),
          published.ap(),
          published.cp100(),
          published.source());
    }
    log.flush();
    return line.toString();
  }

  private static TimeWindow window(String from, String until) {
    return new TimeWindow(startOf(from), startOf(until));
  }

  private static long startOf(String date) {
    return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
