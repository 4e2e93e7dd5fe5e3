package io.riskstream.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionLogTest {

  private static final long HOUR = 3_600_000L;
  private static final long DAY1 = Instant.parse("2018-04-01T00:00:00Z").toEpochMilli();

  @Test
  void timelineAndStalenessOfTheVersionsThatScored() {
    VersionLog log = new VersionLog();
    log.record(0, VersionLog.NEVER_TRAINED, DAY1 + HOUR);
    log.record(1, DAY1, DAY1 + 2 * HOUR); // 2 h stale
    log.record(1, DAY1, DAY1 + 4 * HOUR); // 4 h
    log.record(2, DAY1 + 20 * HOUR, DAY1 + 30 * HOUR); // 10 h, on day 2
    log.record(1, DAY1, DAY1 + 3 * HOUR); // 3 h, out of event-time order

    assertThat(log.versions())
        .containsExactly(
            new VersionUse(0, 1, DAY1 + HOUR, DAY1 + HOUR, VersionLog.NEVER_TRAINED),
            new VersionUse(1, 3, DAY1 + 2 * HOUR, DAY1 + 4 * HOUR, DAY1),
            new VersionUse(2, 1, DAY1 + 30 * HOUR, DAY1 + 30 * HOUR, DAY1 + 20 * HOUR));
    assertThat(log.versions().get(0).trained()).isFalse();

    Staleness staleness = log.staleness();
    // The untrained version's score is not in it: samples 2, 3, 4, 10 h.
    assertThat(staleness.p50Hours()).isEqualTo(3.0);
    assertThat(staleness.p99Hours()).isEqualTo(10.0);
    assertThat(staleness.maxHours()).isEqualTo(10.0);
    assertThat(staleness.perDay()).hasSize(2);
    assertThat(staleness.perDay().get(0).date()).isEqualTo(LocalDate.parse("2018-04-01"));
    assertThat(staleness.perDay().get(0).meanHours()).isCloseTo(3.0, within(1e-12));
    assertThat(staleness.perDay().get(1).meanHours()).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void nothingTrainedGivesNoStaleness() {
    VersionLog log = new VersionLog();
    log.record(0, VersionLog.NEVER_TRAINED, DAY1);

    assertThat(log.staleness().p50Hours()).isNaN();
    assertThat(log.staleness().perDay()).isEmpty();
  }

  @Test
  void oneVersionHasOneTrainedThroughTime() {
    VersionLog log = new VersionLog();
    log.record(3, DAY1, DAY1 + HOUR);

    assertThatThrownBy(() -> log.record(3, DAY1 + HOUR, DAY1 + 2 * HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3");
  }
}
