package io.riskstream.features;

import java.time.Duration;

/** Window lengths and the idle-state lifetime shared by the feature stages. */
final class Windows {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  /**
   * Keyed state of an entity idle this long (processing time) is dropped: far beyond the longest
   * window, so only entities that stopped transacting lose anything.
   */
  static final Duration STATE_TTL = Duration.ofDays(30);

  private Windows() {}
}
