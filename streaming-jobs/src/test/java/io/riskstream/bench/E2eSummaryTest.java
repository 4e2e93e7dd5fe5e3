package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class E2eSummaryTest {
  private static final CpuShares NO_CPU =
      new CpuShares(10, Double.NaN, 0, Double.NaN, Double.NaN, List.of(), List.of());

  private static final ScoringPoint DJL =
      new ScoringPoint(2, 256, 1_000, 80_000, 4_000_000, 9_000_000);

  private static RatePhase sustained(int rate, long p50, long p99, long p999) {
    return new RatePhase(
        rate,
        15,
        rate * 15L,
        rate * 15L,
        rate * 15L,
        0,
        new Percentiles(rate * 15, p50, p99, p999),
        new Percentiles(rate * 15, 20, 60, 90));
  }

  private static RatePhase behind(int rate, long written) {
    return new RatePhase(
        rate,
        15,
        rate * 15L,
        written,
        written,
        9_000,
        new Percentiles((int) written, 5_000, 9_000, 9_500),
        new Percentiles((int) written, 4_000, 8_000, 8_500));
  }

  private static LoopResult loop(String job, double max, boolean lowerBound, RatePhase... phases) {
    return new LoopResult(
        job, 12.5, List.of(phases), new DrainRate(0, 10, (long) (max * 10), lowerBound), NO_CPU);
  }

  @Test
  void lineStartsWithTheIssuesTwoFiguresThenReferencesAndEachRate() {
    LoopResult platform =
        loop("platform", 800, false, sustained(1000, 1_100, 2_300, 2_600), behind(5000, 12_000));
    LoopResult passthrough =
        loop(
            "pass-through",
            40_000,
            true,
            sustained(1000, 1_000, 2_000, 2_100),
            sustained(5000, 1_050, 2_100, 2_200));

    String line = new E2eSummary(5000, DJL, platform, passthrough).line();

    assertThat(line)
        .isEqualTo(
            "max_txn_per_s=800 p99_ms_at_5k=unsustained passthrough_max_txn_per_s=40000"
                + " max_vs_passthrough=0.020 djl_seq_per_s=80000 max_vs_djl=0.010"
                + " sustained_at_1k=true achieved_txn_per_s_at_1k=1000 p50_ms_at_1k=1100"
                + " p99_ms_at_1k=2300 p999_ms_at_1k=2600 appended_p99_ms_at_1k=60"
                + " passthrough_p99_ms_at_1k=2000 p99_vs_passthrough_at_1k=1.150"
                + " sustained_at_5k=false achieved_txn_per_s_at_5k=800 p50_ms_at_5k=unsustained"
                + " p99_ms_at_5k=unsustained p999_ms_at_5k=unsustained"
                + " appended_p99_ms_at_5k=unsustained passthrough_p99_ms_at_5k=2100"
                + " p99_vs_passthrough_at_5k=na max_is_lower_bound=false"
                + " passthrough_max_is_lower_bound=true startup_s=12.5 djl_batch=256"
                + " djl_threads=2");
  }

  @Test
  void theKeyRatesP99IsTheConsumedOneWhenSustained() {
    LoopResult platform = loop("platform", 9_000, false, sustained(5000, 1_200, 2_400, 2_900));
    LoopResult passthrough =
        loop("pass-through", 40_000, false, sustained(5000, 1_000, 2_000, 2_200));

    String line = new E2eSummary(5000, DJL, platform, passthrough).line();

    assertThat(line).startsWith("max_txn_per_s=9000 p99_ms_at_5k=2400 ");
    assertThat(line).contains(" p99_vs_passthrough_at_5k=1.200 ");
  }

  @Test
  void lineIsOneLineOfKeyValuePairs() {
    LoopResult platform = loop("platform", 800, false, behind(5000, 100));
    LoopResult passthrough = loop("pass-through", 0, true, behind(5000, 100));
    String line = new E2eSummary(5000, DJL, platform, passthrough).line();

    assertThat(line).doesNotContain("\n");
    assertThat(line.split(" ")).allMatch(pair -> pair.matches("[a-z0-9_]+=[a-z0-9_.]+"));
    assertThat(line).contains("max_vs_passthrough=na");
  }

  @Test
  void ratesAreLabelledInThousandsWhenRound() {
    assertThat(E2eSummary.label(5000)).isEqualTo("5k");
    assertThat(E2eSummary.label(10_000)).isEqualTo("10k");
    assertThat(E2eSummary.label(750)).isEqualTo("750");
    assertThat(E2eSummary.label(2500)).isEqualTo("2500");
  }

  @Test
  void aPhaseTheBenchCouldNotOfferSaysSo() {
    RatePhase under =
        new RatePhase(5000, 15, 30_000, 30_000, 30_000, 0, Percentiles.NONE, Percentiles.NONE);
    LoopResult platform = loop("platform", 800, false, under);
    LoopResult passthrough = loop("pass-through", 40_000, false, under);

    assertThat(new E2eSummary(5000, DJL, platform, passthrough).line())
        .startsWith("max_txn_per_s=800 p99_ms_at_5k=under_offered ");
  }
}
