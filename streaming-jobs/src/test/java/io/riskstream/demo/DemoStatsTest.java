package io.riskstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoStatsTest {

  @Test
  void summaryMeasuresSteadyRatesAfterTheWarmUpAndTheLabelToTrainedScoreTime() {
    DemoStats stats = new DemoStats();
    for (int second = 0; second <= 20; second++) {
      // Nothing for 5 s (start-up), then 100 txn/s in and 90 scores/s out.
      long transactions = Math.max(0, second - 5) * 100L;
      long scores = Math.max(0, second - 6) * 90L;
      stats.add(new DemoStats.Sample(second, transactions, 0, scores, 0, 3, 2));
    }
    stats.firstScoreAt(7.0);
    stats.firstLabelAt(9.5);
    stats.firstTrainedScoreAt(12.0);

    assertThat(stats.summaryLine())
        .startsWith("demo duration_s=20.0 txn_in=1500 scores_out=1260")
        .contains("steady_txn_per_s=100.0", "steady_scores_per_s=90.0")
        .contains("model_version=3 scored_version=2")
        .contains("first_score_s=7.00", "label_to_trained_score_s=2.50");
    assertThat(stats.hasScores()).isTrue();
  }

  @Test
  void saysNaWhereNothingWasMeasured() {
    DemoStats stats = new DemoStats();
    stats.add(new DemoStats.Sample(1, 10, 0, 0, 0, 0, 0));

    assertThat(stats.summaryLine()).contains("first_score_s=na", "label_to_trained_score_s=na");
    assertThat(stats.hasScores()).isFalse();
  }

  @Test
  void progressLineShowsRatesOverTheLastSeconds() {
    DemoStats stats = new DemoStats();
    for (int second = 0; second <= 10; second++) {
      stats.add(new DemoStats.Sample(second, second * 500L, 0, second * 400L, 0, 1, 1));
    }

    assertThat(stats.progressLine()).contains("txn in 5,000 (500/s)", "scores out 4,000 (400/s)");
  }
}
