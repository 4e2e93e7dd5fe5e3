package io.riskstream.evaluation;

import io.riskstream.bench.LatencyRecorder;
import io.riskstream.evaluation.metrics.VersionLog;
import io.riskstream.evaluation.report.ModelResult;
import io.riskstream.evaluation.report.Performance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What the platform's own models did in the scored window of a replay: the online model (the
 * learner on), the initial model on the same snapshots (the learner off), and the Flink ML FTRL
 * challenger the learner trains beside it; and how fast and how fresh the online model was.
 */
public final class PlatformResults {
  private final List<Observed> scored;
  private final KnownCompromisedCards known;

  /**
   * @param observed the replay's kept transactions; those from {@code scoreFrom} on count
   * @param known the cards whose transactions the quality metrics leave out
   */
  public PlatformResults(List<Observed> observed, long scoreFrom, KnownCompromisedCards known) {
    this.known = known;
    this.scored = observed.stream().filter(o -> o.eventTime >= scoreFrom).toList();
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("no transaction was scored from the score-from date on");
    }
  }

  public List<Observed> scored() {
    return scored;
  }

  public List<ModelResult> models() {
    List<ModelResult> models = new ArrayList<>();
    models.add(
        ModelResult.of(
            "riskstream-online",
            "the platform: sparse-attention network, learner on (per-group updates, gate)",
            as(o -> o.score)));
    models.add(
        ModelResult.of(
            "riskstream-static",
            "version 1 of the same network on the same snapshots, learner off",
            as(o -> o.staticScore)));
    if (scored.stream().noneMatch(o -> Double.isNaN(o.challengerScore))) {
      models.add(
          ModelResult.of(
              "ftrl-challenger",
              "Flink ML FTRL logistic regression, trained online by the learner in shadow",
              as(o -> o.challengerScore)));
    }
    return models;
  }

  /** One model's scores of the tested transactions, in the shape the metrics take. */
  private List<Scored> as(ToDoubleFunction<Observed> score) {
    List<Scored> out = new ArrayList<>(scored.size());
    for (Observed o : scored) {
      out.add(new Scored(o.cardId, o.eventTime, o.fraud, score.applyAsDouble(o)));
    }
    return known.tested(out);
  }

  /**
   * Transaction produced to score seen by a read_committed consumer: what a consumer of scores
   * waits, the exactly-once commit (one checkpoint) included.
   */
  public Performance performance(double wallSeconds) {
    return Performance.of(scored.size(), wallSeconds, latencies(o -> o.committedAt));
  }

  /** Transaction produced to scored, before the commit: the scorer's own latency. */
  public LatencyRecorder scoringLatency() {
    return latencies(o -> o.scoredAt);
  }

  private LatencyRecorder latencies(ToLongFunction<Observed> end) {
    LatencyRecorder recorder = new LatencyRecorder();
    for (Observed o : scored) {
      recorder.record(end.applyAsLong(o) - o.producedAt);
    }
    return recorder;
  }

  /** Which versions scored which transactions, and how stale each was. */
  public VersionLog versions() {
    VersionLog log = new VersionLog();
    for (Observed o : scored) {
      log.record(o.modelVersion, o.modelTrainedThrough, o.eventTime);
    }
    return log;
  }
}
