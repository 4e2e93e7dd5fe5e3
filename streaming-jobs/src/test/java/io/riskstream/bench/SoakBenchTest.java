package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.spec.FeatureSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakBenchTest {

  @Test
  void theTrendIsTheLeastSquaresSlope() {
    List<double[]> points =
        List.of(
            new double[] {0, 10}, new double[] {1, 13}, new double[] {2, 14}, new double[] {3, 17});

    assertThat(LinearTrend.slope(points)).isCloseTo(2.2, within(1e-9));
    assertThatThrownBy(() -> LinearTrend.slope(List.of(new double[] {1, 1})))
        .hasMessageContaining("at least 2 points");
  }

  @Test
  void memoryIsFlatWithinAMegabyteAMinute() {
    SoakSummary flat =
        new SoakSummary(List.of(new double[] {1, 500}, new double[] {9, 505}), 1000, 480, 90, 10);
    SoakSummary growing =
        new SoakSummary(List.of(new double[] {1, 500}, new double[] {9, 540}), 1000, 480, 90, 10);

    assertThat(flat.flat()).isTrue();
    assertThat(growing.flat()).isFalse();
    assertThat(growing.line())
        .startsWith("rss_growth_mb_per_min=5.00 rss_flat=false rss_mb_start=500 rss_mb_end=540");
  }

  @Test
  void residentMemoryIsReadFromTheKernel() {
    assertThat(ResidentMemory.megabytes()).isGreaterThan(10);
  }

  @Test
  void aShortSoakScoresSwapsVersionsAndSamples() {
    StringWriter log = new StringWriter();
    SoakSummary summary =
        SoakBench.run(
            new SoakBench.Options(
                FeatureSpecs.DEFAULT,
                32,
                Duration.ofMillis(2500),
                Duration.ofMillis(500),
                Duration.ofMillis(500),
                Duration.ofMillis(400),
                3),
            new PrintWriter(log));

    assertThat(summary.samples()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(summary.scored()).isPositive();
    assertThat(summary.versions()).isGreaterThanOrEqualTo(3);
    assertThat(summary.line()).contains("seq_per_s=", "versions=");
    assertThat(log.toString()).contains("minute  rss_mb");
  }
}
