package io.riskstream.check;

import io.riskstream.features.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares computed feature values with reference ones: counts and flags exactly, averages and
 * rates within a relative tolerance (the reference CSV prints about ten significant digits).
 *
 * <p>Differences below an absolute 1e-9 also match: pandas computes rolling sums by adding and
 * subtracting, which leaves residues such as 8.9e-15 where a window's true sum is 0. Amounts have
 * cent resolution, so nothing meaningful is that small.
 */
public final class FeatureComparison {
  static final double RELATIVE_TOLERANCE = 1e-6;
  static final double ABSOLUTE_FLOOR = 1e-9;

  private final FeatureSpec spec;

  public FeatureComparison(FeatureSpec spec) {
    this.spec = spec;
  }

  /** The features of one row that differ, described for a person; empty when all match. */
  public List<String> differences(double[] expected, double[] actual) {
    List<String> differences = new ArrayList<>();
    for (int f = 0; f < expected.length; f++) {
      if (!matches(spec.names().get(f), expected[f], actual[f])) {
        differences.add(
            String.format(
                Locale.ROOT, "%s expected %s got %s", spec.names().get(f), expected[f], actual[f]));
      }
    }
    return differences;
  }

  static boolean matches(String feature, double expected, double actual) {
    if (isExact(feature)) {
      return expected == actual;
    }
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    double difference = Math.abs(expected - actual);
    return difference <= ABSOLUTE_FLOOR || difference <= RELATIVE_TOLERANCE * scale;
  }

  private static boolean isExact(String feature) {
    return feature.contains("_count_") || feature.startsWith("during_") || feature.equals("amount");
  }
}
