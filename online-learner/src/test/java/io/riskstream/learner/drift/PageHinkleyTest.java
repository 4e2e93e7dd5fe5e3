package io.riskstream.learner.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PageHinkleyTest {

  private static double bernoulli(Random random, double p) {
    return random.nextDouble() < p ? 1.0 : 0.0;
  }

  @Test
  void raisesNoAlarmOnAStationaryErrorRate() {
    for (long seed = 1; seed <= 5; seed++) {
      PageHinkley detector = PageHinkley.defaults();
      Random random = new Random(seed);
      int alarms = 0;
      double highest = 0;
      for (int i = 0; i < 20_000; i++) {
        if (detector.add(bernoulli(random, 0.05))) {
          alarms++;
        }
        highest = Math.max(highest, detector.statistic());
      }
      System.out.printf(
          "Page-Hinkley, seed %d: 20000 stationary errors, highest statistic %.1f of 50%n",
          seed, highest);
      assertThat(alarms).as("false alarms with seed %d", seed).isZero();
    }
  }

  @Test
  void detectsARiseOfTheErrorRateWithinABoundedDelay() {
    for (long seed = 1; seed <= 5; seed++) {
      PageHinkley detector = PageHinkley.defaults();
      Random random = new Random(seed);
      for (int i = 0; i < 5_000; i++) {
        assertThat(detector.add(bernoulli(random, 0.05))).isFalse();
      }
      int delay = 0;
      boolean detected = false;
      while (!detected && delay < 10_000) {
        detected = detector.add(bernoulli(random, 0.3));
        delay++;
      }
      System.out.printf(
          "Page-Hinkley, seed %d: 0.05 -> 0.3 detected after %d errors%n", seed, delay);
      // The statistic grows by about 0.3 - 0.05 - delta = 0.245 per error: 50 / 0.245 = 204.
      assertThat(detected).isTrue();
      assertThat(delay).isBetween(100, 400);
    }
  }

  @Test
  void startsAfreshAfterADetection() {
    PageHinkley detector = new PageHinkley(0, 1, 1, 5);
    for (int i = 0; i < 10; i++) {
      assertThat(detector.add(0)).isFalse();
    }
    // mean 1/11, statistic 0.909; then mean 2/12, statistic 0.909 + 0.833 > 1
    assertThat(detector.add(1)).isFalse();
    assertThat(detector.add(1)).isTrue();

    assertThat(detector.count()).isZero();
    assertThat(detector.statistic()).isZero();
    assertThat(detector.mean()).isZero();
    // The new level is the new baseline: no second alarm for the same rise.
    for (int i = 0; i < 1_000; i++) {
      assertThat(detector.add(1)).isFalse();
    }
    assertThat(detector.mean()).isEqualTo(1.0);
  }

  @Test
  void waitsForMinInstances() {
    PageHinkley detector = new PageHinkley(0, 0.5, 1, 4);
    assertThat(detector.add(0)).isFalse();
    assertThat(detector.add(5)).isFalse();
    assertThat(detector.statistic()).isGreaterThan(0.5);
    assertThat(detector.add(5)).isFalse();
    assertThat(detector.add(5)).isTrue();
  }

  @Test
  void rejectsBadSettingsAndErrors() {
    assertThatThrownBy(() -> new PageHinkley(-1, 50, 1, 30)).hasMessageContaining("delta");
    assertThatThrownBy(() -> new PageHinkley(0, 0, 1, 30)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new PageHinkley(0, 50, 0, 30)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new PageHinkley(0, 50, 1, 0)).hasMessageContaining("minInstances");
    assertThatThrownBy(() -> PageHinkley.defaults().add(Double.NaN)).hasMessageContaining("finite");
  }
}
