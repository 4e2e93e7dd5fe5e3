package io.riskstream.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long MS = 1_000_000L;

  @Test
  void keepsTheAverageRateAcrossUnevenTicks() {
    RateLimiter limiter = new RateLimiter(250, 0);
    long sent = 0;
    long now = 0;
    for (int i = 0; i < 1_000; i++) {
      now += (i % 3 == 0 ? 7 : 13) * MS; // jittery ticks
      sent += limiter.permits(now);
    }
    assertThat(sent).isBetween(250 * now / 1_000_000_000L - 1, 250 * now / 1_000_000_000L);
  }

  @Test
  void ratesBelowOnePerTickStillAverageOut() {
    RateLimiter limiter = new RateLimiter(2, 0);
    long sent = 0;
    for (long now = 10 * MS; now <= 10_000 * MS; now += 10 * MS) {
      sent += limiter.permits(now);
    }
    assertThat(sent).isEqualTo(20);
  }

  @Test
  void catchesUpAtMostOneSecondAfterAStall() {
    RateLimiter limiter = new RateLimiter(100, 0);
    assertThat(limiter.permits(60_000 * MS)).isEqualTo(100);
    assertThat(limiter.permits(60_010 * MS)).isEqualTo(1);
  }
}
