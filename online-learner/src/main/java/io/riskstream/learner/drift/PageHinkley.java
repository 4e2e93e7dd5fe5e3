package io.riskstream.learner.drift;

import java.io.Serializable;

/**
 * Page-Hinkley test for a rise in the mean of a stream, fed with the champion's prequential errors
 * (each example's log-loss or 0/1 error, computed before the model learns from it): a rising error
 * means the model no longer fits the traffic.
 *
 * <p>It keeps the running mean of the errors and the cumulative deviation above it, {@code m =
 * max(0, alpha * m + (x - mean - delta))}: deviations within {@code delta} of the mean pull it
 * down, so noise around a stable mean keeps it near 0, while a lasting rise grows it by about the
 * size of the rise per value. Drift is signalled when it exceeds {@code lambda}, once at least
 * {@code minInstances} values were seen; the detector then starts afresh, so that the new level
 * becomes the baseline. This is the form of scikit-multiflow's and River's {@code PageHinkley}.
 *
 * <p>Not thread-safe. Serializable so that it can sit in Flink state.
 */
public final class PageHinkley implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double delta;
  private final double lambda;
  private final double alpha;
  private final int minInstances;

  private long count;
  private double mean;
  private double cumulative;

  /**
   * @param delta the rise of the error tolerated as noise (its units), {@code >= 0}
   * @param lambda the cumulative rise that signals drift, {@code > 0}: larger means fewer false
   *     alarms and later detection
   * @param alpha forgetting factor in (0, 1] applied to the cumulative rise before each value; 1
   *     forgets nothing
   * @param minInstances values seen (since the last reset) before drift can be signalled
   */
  public PageHinkley(double delta, double lambda, double alpha, int minInstances) {
    if (!(delta >= 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException(
          "Page-Hinkley delta must be finite and >= 0, got " + delta);
    }
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "Page-Hinkley lambda must be finite and > 0, got " + lambda);
    }
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("Page-Hinkley alpha must be in (0, 1], got " + alpha);
    }
    if (minInstances < 1) {
      throw new IllegalArgumentException(
          "Page-Hinkley minInstances must be >= 1, got " + minInstances);
    }
    this.delta = delta;
    this.lambda = lambda;
    this.alpha = alpha;
    this.minInstances = minInstances;
  }

  /** scikit-multiflow's defaults: delta 0.005, lambda 50, alpha 0.9999, 30 values. */
  public static PageHinkley defaults() {
    return new PageHinkley(0.005, 50, 0.9999, 30);
  }

  /**
   * Adds the next error.
   *
   * @return whether this value completes a detected rise; the detector has then been reset
   * @throws IllegalArgumentException for a NaN or infinite error, which would poison the mean
   */
  public boolean add(double error) {
    if (!Double.isFinite(error)) {
      throw new IllegalArgumentException("Page-Hinkley needs finite errors, got " + error);
    }
    count++;
    mean += (error - mean) / count;
    cumulative = Math.max(0.0, alpha * cumulative + (error - mean - delta));
    if (count >= minInstances && cumulative > lambda) {
      reset();
      return true;
    }
    return false;
  }

  /** Forgets everything seen, as after a detection. */
  public void reset() {
    count = 0;
    mean = 0;
    cumulative = 0;
  }

  /** Values seen since the last reset. */
  public long count() {
    return count;
  }

  /** The mean error since the last reset. */
  public double mean() {
    return mean;
  }

  /** The cumulative rise compared with lambda. */
  public double statistic() {
    return cumulative;
  }

  @Override
  public String toString() {
    return "PageHinkley{delta="
        + delta
        + ", lambda="
        + lambda
        + ", alpha="
        + alpha
        + ", minInstances="
        + minInstances
        + ", count="
        + count
        + ", statistic="
        + cumulative
        + "}";
  }
}
