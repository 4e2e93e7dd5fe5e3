package io.riskstream.model;

/** Checks and number formatting shared by the training-plan records. */
final class Specs {

  private Specs() {}

  static void requirePositive(String owner, String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          owner + " parameter " + name + " must be finite and > 0, got " + value);
    }
  }

  static void requireNonNegative(String owner, String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          owner + " parameter " + name + " must be finite and >= 0, got " + value);
    }
  }

  /** Shortest text that parses back to exactly {@code value}: "1" rather than "1.0". */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
