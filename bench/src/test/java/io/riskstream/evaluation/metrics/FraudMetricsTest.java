package io.riskstream.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.evaluation.Scored;
import io.riskstream.model.RankingMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudMetricsTest {

  private static final long DAY1 = Instant.parse("2018-04-01T00:00:00Z").toEpochMilli();
  private static final long DAY2 = Instant.parse("2018-04-02T00:00:00Z").toEpochMilli();

  @Test
  void recallAt1PctFprIsTheBestRecallWithAtMostOnePercentFalsePositives() {
    List<Scored> scored = new ArrayList<>();
    // 200 genuine: 0.000, 0.005, ..., 0.995. 1% of 200 = 2 false positives allowed: 0.995 and
    // 0.99; the third highest, 0.985, must stay below the threshold.
    for (int i = 0; i < 200; i++) {
      scored.add(new Scored("g" + i, DAY1, false, i / 200.0));
    }
    double[] frauds = {0.999, 0.992, 0.99, 0.985, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
    for (int i = 0; i < frauds.length; i++) {
      scored.add(new Scored("f" + i, DAY1, true, frauds[i]));
    }

    // Threshold 0.99 flags 0.999, 0.992 and 0.99 (tied with a genuine, flagged with it): 3/10.
    assertThat(FraudMetrics.recallAtFpr(scored, 0.01)).isEqualTo(0.3);
    // 0.5% allows one false positive, 0.995: threshold 0.995 flags 0.999 and 0.992.
    assertThat(FraudMetrics.recallAtFpr(scored, 0.005)).isEqualTo(0.2);
    // None allowed: only the fraud above every genuine score, 0.999.
    assertThat(FraudMetrics.recallAtFpr(scored, 0.0)).isEqualTo(0.1);
    assertThat(FraudMetrics.recallAtFpr(scored, 1.0)).isEqualTo(1.0);
  }

  @Test
  void aTieThatWouldExceedTheFalsePositiveRateIsLeftOutWhole() {
    List<Scored> scored = new ArrayList<>();
    // 100 genuine allow one false positive, but the top three genuine tie at 0.9 with a fraud:
    // flagging 0.9 flags all three, so only the fraud above 0.9 can be caught.
    for (int i = 0; i < 97; i++) {
      scored.add(new Scored("g" + i, DAY1, false, 0.1));
    }
    for (int i = 0; i < 3; i++) {
      scored.add(new Scored("t" + i, DAY1, false, 0.9));
    }
    scored.add(new Scored("f0", DAY1, true, 0.95));
    scored.add(new Scored("f1", DAY1, true, 0.9));

    assertThat(FraudMetrics.recallAtFpr(scored, 0.01)).isEqualTo(0.5);
    assertThat(FraudMetrics.recallAtFpr(scored, 0.03)).isEqualTo(1.0);
  }

  @Test
  void summaryHasTheOverallMetricsAndOneEntryPerUtcDay() {
    List<Scored> scored =
        List.of(
            // Day 1: perfectly separated.
            new Scored("a", DAY1 + 1_000, true, 0.9),
            new Scored("b", DAY1 + 2_000, false, 0.2),
            new Scored("c", DAY1 + 86_399_999, false, 0.1),
            // Day 2: no fraud at all.
            new Scored("d", DAY2, false, 0.95),
            new Scored("e", DAY2 + 5_000, false, 0.3));

    FraudMetrics.Summary summary = FraudMetrics.of(scored);

    float[] scores = {0.9f, 0.2f, 0.1f, 0.95f, 0.3f};
    float[] labels = {1, 0, 0, 0, 0};
    assertThat(summary.auc()).isEqualTo(RankingMetrics.auc(scores, labels));
    assertThat(summary.ap()).isEqualTo(RankingMetrics.averagePrecision(scores, labels));
    assertThat(summary.auc()).isCloseTo(0.75, within(1e-12));
    // 4 genuine: 1% allows none, and the genuine 0.95 outranks the only fraud.
    assertThat(summary.recallAt1PctFpr()).isEqualTo(0.0);
    // CP@100: day 1 one fraudulent card of 100 slots, day 2 none.
    assertThat(summary.cp100()).isCloseTo((0.01 + 0.0) / 2, within(1e-12));
    assertThat(summary.transactions()).isEqualTo(5);
    assertThat(summary.frauds()).isEqualTo(1);

    assertThat(summary.days()).hasSize(2);
    FraudMetrics.Day first = summary.days().get(0);
    assertThat(first.date()).isEqualTo(LocalDate.parse("2018-04-01"));
    assertThat(first.auc()).isEqualTo(1.0);
    assertThat(first.ap()).isEqualTo(1.0);
    assertThat(first.recallAt1PctFpr()).isEqualTo(1.0);
    assertThat(first.cp100()).isEqualTo(0.01);
    assertThat(first.transactions()).isEqualTo(3);
    assertThat(first.frauds()).isEqualTo(1);
    FraudMetrics.Day second = summary.days().get(1);
    assertThat(second.date()).isEqualTo(LocalDate.parse("2018-04-02"));
    assertThat(second.auc()).isNaN();
    assertThat(second.ap()).isNaN();
    assertThat(second.recallAt1PctFpr()).isNaN();
    assertThat(second.cp100()).isEqualTo(0.0);
    assertThat(second.frauds()).isZero();
  }

  @Test
  void aDayWithOnlyFraudHasNoAucApOrRecall() {
    FraudMetrics.Summary summary = FraudMetrics.of(List.of(new Scored("a", DAY1, true, 0.4)));

    assertThat(summary.auc()).isNaN();
    assertThat(summary.ap()).isNaN();
    assertThat(summary.recallAt1PctFpr()).isNaN();
    assertThat(summary.cp100()).isEqualTo(0.01);
  }

  @Test
  void nothingScoredGivesNaNAndNoDays() {
    FraudMetrics.Summary summary = FraudMetrics.of(List.of());

    assertThat(summary.auc()).isNaN();
    assertThat(summary.cp100()).isNaN();
    assertThat(summary.transactions()).isZero();
    assertThat(summary.days()).isEmpty();
  }
}
