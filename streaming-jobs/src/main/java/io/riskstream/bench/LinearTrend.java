package io.riskstream.bench;

import java.util.List;

/** The least-squares slope of y over x: how fast a quantity grows, with the noise averaged out. */
final class LinearTrend {
  private LinearTrend() {}

  /**
   * @throws IllegalArgumentException with fewer than two points or all x equal
   */
  static double slope(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      throw new IllegalArgumentException("a trend needs at least 2 points, got " + n);
    }
    double meanX = 0;
    double meanY = 0;
    for (double[] p : points) {
      meanX += p[0] / n;
      meanY += p[1] / n;
    }
    double covariance = 0;
    double variance = 0;
    for (double[] p : points) {
      covariance += (p[0] - meanX) * (p[1] - meanY);
      variance += (p[0] - meanX) * (p[0] - meanX);
    }
    if (variance == 0) {
      throw new IllegalArgumentException("a trend needs points at different x");
    }
    return covariance / variance;
  }
}
