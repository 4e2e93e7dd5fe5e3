package io.riskstream.evaluation.baseline;

/**
 * A model the platform is compared with in {@code riskstream evaluate}: it sees the same feature
 * vectors as the platform's scorer and learns only from labels as they become known. {@link
 * PrequentialReplay} drives it in event time, so a baseline never has to guard against seeing a
 * label early.
 *
 * <p>Not thread-safe: one replay drives one baseline.
 */
public interface Baseline extends AutoCloseable {

  /** A short name for reports, e.g. {@code xgboost}. */
  String name();

  /** One line on what it is and how it is set up, for the report. */
  String description();

  /**
   * A label became known.
   *
   * @param features the feature vector the transaction was scored with
   * @param fraud the label
   * @param eventTime the transaction's event time (epoch ms), not the time the label was released
   */
  void learn(float[] features, boolean fraud, long eventTime);

  /**
   * Event time moved forward to {@code eventTime} (epoch ms), after every label released by then
   * was learned; batch models retrain here.
   */
  void advanceTo(long eventTime);

  /** How suspicious these features look to the model now: in [0, 1], higher is more suspicious. */
  double score(float[] features);

  /** Frees what the model holds outside the heap; by default there is nothing. */
  @Override
  default void close() {}
}
