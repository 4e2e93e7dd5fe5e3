package io.riskstream.learner.challenger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-feature z-scores for a linear model, learned online: each feature's running mean and variance
 * (Welford's update), taken only from the examples the model trains on, so nothing of an unlabelled
 * vector that is merely scored leaks into them.
 *
 * <p>A feature becomes {@code (x - mean) / sd}, with the population standard deviation of what was
 * observed, clipped to {@code ±}{@link #CLIP}. A feature that has not varied yet (no or one
 * observation, or a constant) becomes 0: it cannot tell examples apart, so its weight stays put.
 *
 * <p>The platform's feature vectors are already log1p-scaled for counts and amounts by the feature
 * spec, so there is no further log transform here; what is left is offsets and spreads that differ
 * by orders of magnitude (log amounts around 4, fraud ratios with a spread of 0.06), which one
 * learning rate for every coordinate cannot fit.
 *
 * <p>Not thread-safe.
 */
public final class Standardizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The bound on a z-score. Generous: the terminals' fraud ratios are mostly 0 with a spread near
   * 0.06, so a compromised terminal sits 15 standard deviations out and is the strongest signal
   * there is (a bound of 5 or 10 costs average precision on the handbook's data, 20 costs nothing).
   * It guards against a feature that hardly varied so far and then moves.
   */
  public static final double CLIP = 20;

  private long count;
  private final double[] mean;
  // Welford's sum of squared deviations from the running mean.
  private final double[] m2;

  /** Nothing observed yet: every feature maps to 0. */
  public Standardizer(int numFeatures) {
    this(0, new double[numFeatures], new double[numFeatures]);
  }

  private Standardizer(long count, double[] mean, double[] m2) {
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
  }

  public int numFeatures() {
    return mean.length;
  }

  /** How many vectors were observed. */
  public long count() {
    return count;
  }

  public double mean(int feature) {
    return mean[feature];
  }

  /** The population standard deviation of the feature so far, 0 before two observations. */
  public double sd(int feature) {
    return count == 0 ? 0 : Math.sqrt(m2[feature] / count);
  }

  /** Adds a training vector to the statistics. */
  public void observe(double[] x) {
    requireLength(x.length);
    count++;
    for (int i = 0; i < x.length; i++) {
      double delta = x[i] - mean[i];
      mean[i] += delta / count;
      m2[i] += delta * (x[i] - mean[i]);
    }
  }

  /** One feature's clipped z-score under the statistics so far. */
  public double apply(int feature, double value) {
    double sd = sd(feature);
    if (!(sd > 0)) {
      return 0;
    }
    return Math.max(-CLIP, Math.min(CLIP, (value - mean[feature]) / sd));
  }

  /** The vector's clipped z-scores, in a new array. */
  public double[] apply(double[] x) {
    requireLength(x.length);
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = apply(i, x[i]);
    }
    return z;
  }

  /** An independent copy of the statistics, e.g. to publish while this one keeps learning. */
  public Standardizer copy() {
    return new Standardizer(count, mean.clone(), m2.clone());
  }

  /**
   * Writes {@code int64 count, int32 n, float64 x n means, float64 x n sums of squared deviations},
   * big-endian.
   */
  public void write(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeInt(mean.length);
    for (double value : mean) {
      out.writeDouble(value);
    }
    for (double value : m2) {
      out.writeDouble(value);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static Standardizer read(DataInput in) throws IOException {
    long count = in.readLong();
    int n = in.readInt();
    if (count < 0 || n < 0) {
      throw new IOException("bad standardizer header: count " + count + ", " + n + " features");
    }
    double[] mean = new double[n];
    double[] m2 = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = in.readDouble();
    }
    for (int i = 0; i < n; i++) {
      m2[i] = in.readDouble();
    }
    return new Standardizer(count, mean, m2);
  }

  private void requireLength(int length) {
    if (length != mean.length) {
      throw new IllegalArgumentException(
          "the standardizer has " + mean.length + " features, got a vector of " + length);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Standardizer that
        && count == that.count
        && Arrays.equals(mean, that.mean)
        && Arrays.equals(m2, that.m2);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(count) + Arrays.hashCode(mean)) + Arrays.hashCode(m2);
  }

  @Override
  public String toString() {
    return "Standardizer{count=" + count + ", mean=" + Arrays.toString(mean) + "}";
  }
}
