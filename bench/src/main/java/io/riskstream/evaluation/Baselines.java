package io.riskstream.evaluation;

import io.riskstream.evaluation.baseline.AdaptiveRandomForestBaseline;
import io.riskstream.evaluation.baseline.Baseline;
import io.riskstream.evaluation.baseline.FtrlBaseline;
import io.riskstream.evaluation.baseline.PrequentialReplay;
import io.riskstream.evaluation.baseline.XgboostBaseline;
import io.riskstream.evaluation.report.ModelResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The baselines of an evaluation, each run prequentially over the same feature vectors with the
 * same label delay: batch XGBoost retrained daily, MOA's Adaptive Random Forest and FTRL logistic
 * regression, both online.
 */
public final class Baselines {
  private static final List<IntFunction<Baseline>> ALL =
      List.of(
          XgboostBaseline::new, AdaptiveRandomForestBaseline::new, FtrlBaseline::platformDefaults);

  private Baselines() {}

  /**
   * @param examples in event-time order; those before {@code scoreFrom} only teach
   * @param known the cards whose transactions the metrics leave out
   */
  public static List<ModelResult> run(
      List<Example> examples,
      Duration labelDelay,
      long scoreFrom,
      KnownCompromisedCards known,
      PrintWriter log) {
    int features = examples.get(0).features().length;
    PrequentialReplay replay = new PrequentialReplay(labelDelay, scoreFrom);
    List<ModelResult> results = new ArrayList<>();
    for (IntFunction<Baseline> factory : ALL) {
      try (Baseline baseline = factory.apply(features)) {
        PrequentialReplay.Result result = replay.run(examples, baseline);
        log.printf(
            Locale.ROOT,
            "baseline %s: %,d labels learned, %,d scored, %.0f s%n",
            baseline.name(),
            result.learned(),
            result.scored().size(),
            result.seconds());
        log.flush();
        results.add(
            ModelResult.of(baseline.name(), baseline.description(), known.tested(result.scored())));
      }
    }
    return results;
  }
}
