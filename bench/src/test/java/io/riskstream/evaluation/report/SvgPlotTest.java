package io.riskstream.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPlotTest {

  @Test
  void roundTicksCoverTheRangeAtOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(labels(SvgPlot.roundTicks(0.5, 0.95)))
        .containsExactly("0.5", "0.6", "0.7", "0.8", "0.9", "1.0");
    assertThat(labels(SvgPlot.roundTicks(0, 0.28))).containsExactly("0.0", "0.1", "0.2", "0.3");
    assertThat(labels(SvgPlot.roundTicks(0, 157))).containsExactly("0", "50", "100", "150", "200");
    assertThat(labels(SvgPlot.roundTicks(0, 0))).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void mapsDataToPixelsInsideTheMargins() {
    SvgPlot plot = new SvgPlot(200, 100, 0, 10, 0, 1);

    assertThat(plot.px(0)).isLessThan(plot.px(10));
    assertThat(plot.py(0)).isEqualTo(plot.bottom());
    assertThat(plot.py(1)).isLessThan(plot.py(0));
  }

  private static List<String> labels(List<SvgPlot.Tick> ticks) {
    return ticks.stream().map(SvgPlot.Tick::label).toList();
  }
}
