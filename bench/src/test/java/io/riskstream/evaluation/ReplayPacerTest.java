package io.riskstream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayPacerTest {

  @Test
  void theFrontierStopsBeforeTheOldestUnscoredTransaction() {
    ReplayPacer pacer = new ReplayPacer(10);
    pacer.published("a", 100);
    pacer.published("b", 200);
    pacer.published("c", 300);
    assertThat(pacer.scoredFrontier()).isEqualTo(Long.MIN_VALUE);

    pacer.scored("b"); // out of order: a is still unscored
    assertThat(pacer.scoredFrontier()).isEqualTo(Long.MIN_VALUE);

    pacer.scored("a");
    assertThat(pacer.scoredFrontier()).isEqualTo(200);

    pacer.scored("c");
    assertThat(pacer.scoredFrontier()).isEqualTo(300);
    assertThat(pacer.inFlight()).isZero();
  }

  @Test
  void anUnscoredTransactionAtTheSameTimeHoldsTheFrontierBelowIt() {
    ReplayPacer pacer = new ReplayPacer(10);
    pacer.published("a", 100);
    pacer.published("b", 100);
    pacer.scored("a");
    assertThat(pacer.scoredFrontier()).isEqualTo(99);
  }

  @Test
  void theProducerWaitsWhenTooManyTransactionsAreUnscored() {
    ReplayPacer pacer = new ReplayPacer(2);
    pacer.published("a", 1);
    assertThat(pacer.mayPublish()).isTrue();
    pacer.published("b", 2);
    assertThat(pacer.mayPublish()).isFalse();
    pacer.scored("a");
    assertThat(pacer.mayPublish()).isTrue();
  }

  @Test
  void rejectsANonPositiveBound() {
    assertThatThrownBy(() -> new ReplayPacer(0)).hasMessageContaining("maxInFlight");
  }
}
