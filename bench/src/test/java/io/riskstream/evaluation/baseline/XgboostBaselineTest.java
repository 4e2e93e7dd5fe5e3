package io.riskstream.evaluation.baseline;

import static io.riskstream.evaluation.baseline.SyntheticStream.DAY;
import static io.riskstream.evaluation.baseline.SyntheticStream.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.evaluation.Example;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class XgboostBaselineTest {

  @Test
  void nativeLibraryLoadsAndABoosterTrainsAndScores() {
    try (XgboostBaseline xgboost = new XgboostBaseline(3)) {
      for (int i = 0; i < 200; i++) {
        float x = i / 200f;
        xgboost.learn(new float[] {x, 0.5f, 1 - x}, x > 0.7f, START + i);
      }
      xgboost.advanceTo(START + DAY);

      assertThat(xgboost.trainings()).isEqualTo(1);
      assertThat(xgboost.score(new float[] {0.9f, 0.5f, 0.1f}))
          .isGreaterThan(0.9)
          .isGreaterThan(xgboost.score(new float[] {0.1f, 0.5f, 0.9f}));
    }
  }

  @Test
  void scoresZeroUntilItHasTrained() {
    try (XgboostBaseline xgboost = new XgboostBaseline(2)) {
      xgboost.advanceTo(START);
      xgboost.learn(new float[] {1, 1}, true, START);

      // Only frauds so far: nothing to train on.
      xgboost.advanceTo(START + DAY);

      assertThat(xgboost.trainings()).isZero();
      assertThat(xgboost.score(new float[] {1, 1})).isZero();
    }
  }

  @Test
  void retrainsAtTheFirstEventOfEachUtcDayOnly() {
    try (XgboostBaseline xgboost = new XgboostBaseline(2)) {
      feedBothClasses(xgboost, START);

      xgboost.advanceTo(START + 10);
      xgboost.advanceTo(START + DAY - 1);
      assertThat(xgboost.trainings()).isEqualTo(1);

      xgboost.advanceTo(START + DAY);
      xgboost.advanceTo(START + DAY + 3_600_000);
      assertThat(xgboost.trainings()).isEqualTo(2);

      // Three quiet days: one retraining when time reaches the next event's day.
      xgboost.advanceTo(START + 4 * DAY + 5);
      assertThat(xgboost.trainings()).isEqualTo(3);
    }
  }

  @Test
  void keepsOnlyTheLastSevenDaysOfLabels() {
    try (XgboostBaseline xgboost = new XgboostBaseline(2)) {
      for (int day = 0; day < 20; day++) {
        feedBothClasses(xgboost, START + day * DAY);
      }
      // The newest label is at day 19 + 99 ms: days 13 (after its first 99 ms) to 19 remain.
      assertThat(xgboost.windowSize()).isBetween(6 * 100, 7 * 100);
    }
  }

  @Test
  void findsThePlantedPatternInAReplay() {
    List<Example> examples = SyntheticStream.examples(12, 600, 15, 42);
    PrequentialReplay replay = new PrequentialReplay(Duration.ofDays(2), START + 4 * DAY);

    try (XgboostBaseline xgboost = new XgboostBaseline(15)) {
      PrequentialReplay.Result result = replay.run(examples, xgboost);

      assertThat(SyntheticStream.auc(result.scored())).isGreaterThan(0.8);
      // Day 2 opens with a single label, not both classes: one booster a day on days 3 to 11.
      assertThat(xgboost.trainings()).isEqualTo(9);
    }
  }

  /** 100 labels a millisecond apart from {@code from}, one in ten fraud. */
  private static void feedBothClasses(XgboostBaseline xgboost, long from) {
    for (int i = 0; i < 100; i++) {
      xgboost.learn(new float[] {i, i % 10}, i % 10 == 0, from + i);
    }
  }
}
