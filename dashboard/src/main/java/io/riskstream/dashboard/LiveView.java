package io.riskstream.dashboard;

import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.FeatureContribution;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Transaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the dashboard and its metrics show, folded from the platform's topics as they arrive.
 * Plain Java, no Kafka: the feed calls it, the server reads {@link #state} once a second, and tests
 * drive it directly. Every method is synchronized (one feed thread writes, the server reads).
 */
public final class LiveView {
  /** Seconds of history the charts show. */
  static final int CHART_SECONDS = 120;

  static final int HISTOGRAM_BINS = 20;
  private static final int RATE_WINDOW_SECONDS = 5;
  private static final int MAX_ALERTS = 50;
  private static final int MAX_EVENTS = 200;
  private static final int MAX_DEAD_LETTERS = 20;
  private static final int REASONS_PER_ALERT = 3;
  private static final int AMOUNTS_KEPT = 50_000;

  private final PerSecondCounts transactionCounts = new PerSecondCounts(CHART_SECONDS + 2);
  private final PerSecondCounts scoreCounts = new PerSecondCounts(CHART_SECONDS + 2);
  private final PerSecondValues latencyP50 = new PerSecondValues(CHART_SECONDS + 2);
  private final PerSecondValues latencyP99 = new PerSecondValues(CHART_SECONDS + 2);
  private final RecentValues latencies = new RecentValues(5_000);
  private final RecentValues labelLags = new RecentValues(5_000);
  private final long[] histogram = new long[HISTOGRAM_BINS];
  private final Map<String, Long> decisions = new TreeMap<>();
  private final Map<String, Long> modelEvents = new TreeMap<>();
  private final Map<String, Long> deadLettersByJob = new TreeMap<>();
  private final Deque<DashboardState.Alert> alerts = new ArrayDeque<>();
  private final Deque<DashboardState.VersionEvent> versions = new ArrayDeque<>();
  private final Deque<DashboardState.VersionEvent> drift = new ArrayDeque<>();
  private final Deque<DashboardState.QualityPoint> quality = new ArrayDeque<>();
  private final Deque<DashboardState.DeadLetterEntry> recentDeadLetters = new ArrayDeque<>();
  private final Map<String, Long> consumerLag = new TreeMap<>();

  /** Amounts of recent transactions, so a flagged one shows its amount (scores carry none). */
  private final Map<String, Double> amounts =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
          return size() > AMOUNTS_KEPT;
        }
      };

  private long transactions;
  private long scores;
  private long labels;
  private long deadLetters;
  private long lateTransactions;
  private Long modelVersion;

  public synchronized void onTransaction(Transaction txn, long now) {
    transactions++;
    transactionCounts.add(now, 1);
    amounts.put(txn.getTransactionId(), txn.getAmount());
  }

  public synchronized void onScore(Score score, long now) {
    scores++;
    scoreCounts.add(now, 1);
    latencies.add(Math.max(0, now - score.getEventTime()));
    decisions.merge(score.getDecision().name(), 1L, Long::sum);
    double p = score.getScore();
    int bin = (int) Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(p * HISTOGRAM_BINS)));
    histogram[bin]++;
    modelVersion = score.getModelVersion();
    if (!"APPROVE".equals(score.getDecision().name())) {
      alerts.addFirst(alert(score));
      trim(alerts, MAX_ALERTS);
    }
  }

  public synchronized void onLabel(Label label, long now) {
    labels++;
    labelLags.add(Math.max(0, now - label.getLabelTime()));
  }

  public synchronized void onModelEvent(ModelEvent event) {
    String kind = event.getKind().name();
    modelEvents.merge(kind, 1L, Long::sum);
    Map<String, Double> metrics = event.getMetrics();
    DashboardState.VersionEvent entry =
        new DashboardState.VersionEvent(
            event.getAt(),
            kind,
            event.getVersion(),
            event.getParentVersion(),
            event.getReason(),
            metrics.get("holdout_ap"));
    if (event.getKind() == ModelEventKind.DRIFT_DETECTED) {
      drift.addFirst(entry);
      trim(drift, MAX_EVENTS);
    } else if (event.getKind() != ModelEventKind.CHALLENGER_REPORT) {
      versions.addFirst(entry);
      trim(versions, MAX_EVENTS);
    }
    Double auc = metrics.get("prequential_auc");
    Double ap = metrics.get("prequential_ap");
    if (event.getKind() == ModelEventKind.PUBLISHED && auc != null && ap != null) {
      quality.addLast(new DashboardState.QualityPoint(event.getAt(), event.getVersion(), auc, ap));
      while (quality.size() > MAX_EVENTS) {
        quality.removeFirst();
      }
    }
  }

  public synchronized void onDeadLetter(DeadLetter letter, long now) {
    deadLetters++;
    deadLettersByJob.merge(letter.getJob(), 1L, Long::sum);
    if (letter.getReason().startsWith("late:")) {
      lateTransactions++;
    }
    recentDeadLetters.addFirst(
        new DashboardState.DeadLetterEntry(
            letter.getFailedAt(), letter.getJob(), letter.getSourceTopic(), letter.getReason()));
    trim(recentDeadLetters, MAX_DEAD_LETTERS);
  }

  /** Lag per consumer group (records behind the end of its topics). */
  public synchronized void onConsumerLag(Map<String, Long> lagByGroup) {
    consumerLag.clear();
    consumerLag.putAll(lagByGroup);
  }

  /** Records the second's latency percentiles for the chart; the server calls it once a second. */
  public synchronized void tick(long now) {
    if (latencies.size() > 0) {
      latencyP50.set(now, latencies.quantile(0.50));
      latencyP99.set(now, latencies.quantile(0.99));
    }
  }

  public synchronized DashboardState state(long now) {
    long[] seconds = new long[CHART_SECONDS];
    long first = now / 1000 - CHART_SECONDS;
    for (int i = 0; i < CHART_SECONDS; i++) {
      seconds[i] = first + i;
    }
    long total = 0;
    for (long n : histogram) {
      total += n;
    }
    double[] shares = new double[HISTOGRAM_BINS];
    for (int i = 0; i < HISTOGRAM_BINS; i++) {
      shares[i] = total == 0 ? 0 : (double) histogram[i] / total;
    }
    return new DashboardState(
        now,
        transactionCounts.ratePerSecond(now, RATE_WINDOW_SECONDS),
        scoreCounts.ratePerSecond(now, RATE_WINDOW_SECONDS),
        transactions,
        scores,
        new TreeMap<>(decisions),
        new DashboardState.Latency(
            orNull(latencies.quantile(0.50)),
            orNull(latencies.quantile(0.95)),
            orNull(latencies.quantile(0.99)),
            latencies.size()),
        shares,
        new DashboardState.Series(
            seconds,
            transactionCounts.last(now, CHART_SECONDS),
            scoreCounts.last(now, CHART_SECONDS),
            orNulls(latencyP50.last(now, CHART_SECONDS)),
            orNulls(latencyP99.last(now, CHART_SECONDS))),
        List.copyOf(alerts),
        modelVersion,
        List.copyOf(versions),
        List.copyOf(quality),
        List.copyOf(drift),
        deadLetters,
        List.copyOf(recentDeadLetters),
        new TreeMap<>(consumerLag));
  }

  // What the Prometheus metrics read.

  synchronized long transactions() {
    return transactions;
  }

  synchronized long scores(String decision) {
    return decisions.getOrDefault(decision, 0L);
  }

  synchronized long labels() {
    return labels;
  }

  synchronized long modelEvents(String kind) {
    return modelEvents.getOrDefault(kind, 0L);
  }

  synchronized Map<String, Long> deadLettersByJob() {
    return new TreeMap<>(deadLettersByJob);
  }

  synchronized long lateTransactions() {
    return lateTransactions;
  }

  synchronized Long modelVersion() {
    return modelVersion;
  }

  synchronized double latencyQuantile(double q) {
    return latencies.quantile(q);
  }

  synchronized double labelLagQuantile(double q) {
    return labelLags.quantile(q);
  }

  synchronized Map<String, Long> consumerLag() {
    return new TreeMap<>(consumerLag);
  }

  private DashboardState.Alert alert(Score score) {
    List<String> reasons = new ArrayList<>();
    if (score.getReasons() != null) {
      for (FeatureContribution c : score.getReasons().getFeatureContributions()) {
        if (c.getContribution() > 0 && reasons.size() < REASONS_PER_ALERT) {
          reasons.add(c.getFeature());
        }
      }
    }
    return new DashboardState.Alert(
        score.getTransactionId(),
        score.getCardId(),
        amounts.get(score.getTransactionId()),
        score.getScore(),
        score.getDecision().name(),
        score.getModelVersion(),
        score.getEventTime(),
        reasons);
  }

  /** JSON has no NaN: "no value yet" travels as null. */
  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static Double[] orNulls(double[] values) {
    Double[] out = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = orNull(values[i]);
    }
    return out;
  }

  private static <T> void trim(Deque<T> deque, int max) {
    while (deque.size() > max) {
      deque.removeLast();
    }
  }
}
