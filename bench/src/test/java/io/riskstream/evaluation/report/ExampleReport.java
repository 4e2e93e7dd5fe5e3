package io.riskstream.evaluation.report;

import io.riskstream.bench.LatencyRecorder;
import io.riskstream.evaluation.Scored;
import io.riskstream.evaluation.metrics.VersionLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A made-up but plausible evaluation: five models of different skill scoring the same synthetic
 * replay (some cards compromised for a few days each, one day without fraud), an online model
 * retrained daily with a 7-day label delay, and latencies. Deterministic for a seed.
 */
final class ExampleReport {

  static final long START = Instant.parse("2018-07-01T00:00:00Z").toEpochMilli();
  static final long DAY = 86_400_000L;
  static final int DAYS = 21;

  /** The day (0-based) without any fraud, where AUC, AP and recall are undefined. */
  static final int DAY_WITHOUT_FRAUD = 9;

  private record Txn(String card, long time, boolean fraud, double signal) {}

  private ExampleReport() {}

  static EvaluationReport build(long seed) {
    Random random = new Random(seed);
    List<Txn> replay = replay(random);

    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("transactions", "example/<synthetic> & generated.csv");
    settings.put("label delay", "7 days");
    settings.put("score from", "2018-07-01");
    settings.put("score until", "2018-07-22");
    settings.put("feature spec", "handbook");

    List<ModelResult> models = new ArrayList<>();
    models.add(model("riskstream-online", "online learner, retrained daily", replay, 1.5, random));
    models.add(model("static", "trained once before the replay", replay, 1.1, random));
    models.add(model("xgboost", "XGBoost, handbook hyper-parameters", replay, 1.4, random));
    models.add(
        model("moa-arf", "MOA Adaptive Random Forest, test-then-train", replay, 1.0, random));
    models.add(model("ftrl", "FTRL-proximal logistic regression", replay, 0.8, random));

    VersionLog versions = new VersionLog();
    for (Txn t : replay) {
      int day = (int) ((t.time() - START) / DAY);
      long version = Math.max(0, day - 6);
      long trainedThrough = version == 0 ? VersionLog.NEVER_TRAINED : START + version * DAY;
      versions.record(version, trainedThrough, t.time());
    }

    LatencyRecorder latencyMs = new LatencyRecorder();
    for (int i = 0; i < replay.size(); i++) {
      latencyMs.record(20 + (long) (-30 * Math.log(1 - random.nextDouble())));
    }
    Performance performance = Performance.of(replay.size(), 42.5, latencyMs);

    return new EvaluationReport(
        settings,
        models,
        PublishedResult.handbook(),
        performance,
        versions.versions(),
        versions.staleness());
  }

  /** About 1500 transactions a day from 800 cards; a few cards compromised for 1 to 3 days. */
  private static List<Txn> replay(Random random) {
    List<Txn> replay = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      int compromisedToday = day == DAY_WITHOUT_FRAUD ? 0 : 40 + random.nextInt(40);
      for (int i = 0; i < 1500; i++) {
        String card = "card-" + random.nextInt(800);
        boolean fraud =
            Math.floorMod(card.hashCode() + day / 3, 800) < compromisedToday / 10
                || (i < compromisedToday && random.nextDouble() < 0.5);
        long time = START + day * DAY + random.nextInt((int) DAY);
        replay.add(new Txn(card, time, fraud, random.nextGaussian()));
      }
    }
    return replay;
  }

  /** Scores with separation {@code skill}: a logistic of the label's shift plus noise. */
  private static ModelResult model(
      String name, String description, List<Txn> replay, double skill, Random random) {
    List<Scored> scored = new ArrayList<>(replay.size());
    for (Txn t : replay) {
      double logit =
          -4 + (t.fraud() ? 2 * skill : 0) + 0.8 * t.signal() + 1.3 * random.nextGaussian();
      scored.add(new Scored(t.card(), t.time(), t.fraud(), 1 / (1 + Math.exp(-logit))));
    }
    return ModelResult.of(name, description, scored);
  }
}
