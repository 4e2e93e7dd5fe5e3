package io.riskstream.features.spec;

import java.time.Duration;

/** Short duration labels for feature names: 10m, 1h, 7d. */
final class Durations {
  private Durations() {}

  static String label(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
