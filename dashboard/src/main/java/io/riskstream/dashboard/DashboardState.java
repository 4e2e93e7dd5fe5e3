package io.riskstream.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows at one moment, pushed to every browser as JSON. Ids and amounts are the
 * only transaction data it carries.
 */
public record DashboardState(
    long at,
    double transactionsPerSecond,
    double scoresPerSecond,
    long transactions,
    long scores,
    Map<String, Long> decisions,
    Latency latency,
    double[] scoreHistogram,
    Series series,
    List<Alert> alerts,
    Long modelVersion,
    List<VersionEvent> versions,
    List<QualityPoint> quality,
    List<VersionEvent> drift,
    long deadLetters,
    List<DeadLetterEntry> recentDeadLetters,
    Map<String, Long> consumerLag) {

  /**
   * End-to-end latency (event time to the score's arrival here), milliseconds; null before the
   * first score.
   */
  public record Latency(Double p50, Double p95, Double p99, int samples) {}

  /**
   * Per-second history for the charts, oldest first; {@code seconds} are epoch seconds, and a
   * latency is null for a second without scores.
   */
  public record Series(
      long[] seconds,
      long[] transactions,
      long[] scores,
      Double[] latencyP50,
      Double[] latencyP99) {}

  /** A flagged transaction and why. */
  public record Alert(
      String transactionId,
      String cardId,
      Double amount,
      double score,
      String decision,
      long modelVersion,
      long eventTime,
      List<String> reasons) {}

  /** A model event: a published version, a gate rejection, a rollback, a drift detection. */
  public record VersionEvent(
      long at, String kind, long version, long parentVersion, String reason, Double holdoutAp) {}

  /** The learner's prequential figures when it published a version. */
  public record QualityPoint(long at, long version, double auc, double ap) {}

  /** A record that failed, and why. */
  public record DeadLetterEntry(long at, String job, String sourceTopic, String reason) {}
}
