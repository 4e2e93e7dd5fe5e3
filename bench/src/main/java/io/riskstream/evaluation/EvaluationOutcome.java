package io.riskstream.evaluation;

import io.riskstream.bench.LatencyRecorder;
import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.Staleness;
import io.riskstream.evaluation.metrics.VersionLog;
import io.riskstream.evaluation.report.EvaluationReport;
import io.riskstream.evaluation.report.ModelResult;
import io.riskstream.evaluation.report.Performance;
import io.riskstream.evaluation.report.PublishedResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code riskstream evaluate} writes: the report files' content and its summary line. */
public record EvaluationOutcome(EvaluationReport report, String summary) {

  public static EvaluationOutcome ofProtocol(HandbookProtocol.Result result) {
    return new EvaluationOutcome(result.report(), result.summary());
  }

  /** The platform's models and the baselines on the replay's scored window. */
  public static EvaluationOutcome ofReplay(
      Evaluation.Options options, Evaluation.Run run, PrintWriter log) {
    List<Example> examples = new ArrayList<>(run.replay().observed().size());
    for (Observed o : run.replay().observed()) {
      examples.add(new Example(o.cardId, o.eventTime, o.features, o.fraud));
    }
    KnownCompromisedCards known = new KnownCompromisedCards(examples, options.labelDelay());
    PlatformResults platform =
        new PlatformResults(run.replay().observed(), options.scoreFrom(), known);
    List<ModelResult> models = new ArrayList<>(platform.models());
    models.addAll(Baselines.run(examples, options.labelDelay(), options.scoreFrom(), known, log));

    Performance performance = platform.performance(run.replay().seconds());
    VersionLog versions = platform.versions();
    EvaluationReport report =
        new EvaluationReport(
            settings(options, run),
            models,
            PublishedResult.handbook(),
            performance,
            versions.versions(),
            versions.staleness());
    return new EvaluationOutcome(
        report, summary(models, performance, platform.scoringLatency(), versions, run));
  }

  private static Map<String, String> settings(Evaluation.Options options, Evaluation.Run run) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("files", options.files().toString());
    options.columns().ifPresent(columns -> settings.put("columns", columns.toString()));
    settings.put("spec", options.spec().id());
    settings.put("label_delay", options.labelDelay().toString());
    settings.put("score_from", Instant.ofEpochMilli(options.scoreFrom()).toString());
    settings.put(
        "score_until",
        options.scoreUntil() == Long.MAX_VALUE
            ? "end of data"
            : Instant.ofEpochMilli(options.scoreUntil()).toString());
    settings.put("version_1", run.training());
    settings.put("model", options.config().toString());
    settings.put(
        "learner", "batch " + options.learner().batchSize() + ", plan " + options.learner().plan());
    settings.put("partitions", Integer.toString(options.partitions()));
    settings.put("transactions_replayed", Long.toString(run.replay().published()));
    settings.put("max_in_flight", Integer.toString(options.maxInFlight()));
    return settings;
  }

  private static String summary(
      List<ModelResult> models,
      Performance performance,
      LatencyRecorder scoring,
      VersionLog versions,
      Evaluation.Run run) {
    FraudMetrics.Summary online = models.get(0).metrics();
    Staleness staleness = versions.staleness();
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "auc=%.4f ap=%.4f cp100=%.4f recall_at_1pct_fpr=%.4f beats_handbook=%b",
                online.auc(),
                online.ap(),
                online.cp100(),
                online.recallAt1PctFpr(),
                beatsHandbook(online)));
    for (ModelResult model : models.subList(1, models.size())) {
      String key = model.name().replace('-', '_');
      line.append(
          String.format(
              Locale.ROOT,
              " %s_auc=%.4f %s_ap=%.4f %s_cp100=%.4f",
              key,
              model.metrics().auc(),
              key,
              model.metrics().ap(),
              key,
              model.metrics().cp100()));
    }
    line.append(
        String.format(
            Locale.ROOT,
            " transactions=%d txn_per_s=%.1f latency_p50_ms=%.0f latency_p99_ms=%.0f"
                + " latency_p999_ms=%.0f scoring_latency_p50_ms=%d scoring_latency_p99_ms=%d"
                + " versions=%d staleness_p50_h=%.1f staleness_p99_h=%.1f seconds=%.1f",
            performance.transactions(),
            run.replay().published() / run.replay().seconds(),
            performance.latencyP50Ms(),
            performance.latencyP99Ms(),
            performance.latencyP999Ms(),
            scoring.percentile(50),
            scoring.percentile(99),
            versions.versions().size(),
            staleness.p50Hours(),
            staleness.p99Hours(),
            run.seconds()));
    return line.toString();
  }

  /** Whether the model beats the best published test number on each of the three metrics. */
  static boolean beatsHandbook(FraudMetrics.Summary metrics) {
    double auc = 0;
    double ap = 0;
    double cp100 = 0;
    for (PublishedResult published : PublishedResult.handbook()) {
      auc = Math.max(auc, published.auc());
      ap = Math.max(ap, published.ap());
      cp100 = Math.max(cp100, published.cp100());
    }
    return metrics.auc() > auc && metrics.ap() > ap && metrics.cp100() > cp100;
  }
}
