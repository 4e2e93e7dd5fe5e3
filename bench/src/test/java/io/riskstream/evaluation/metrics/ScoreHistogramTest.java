package io.riskstream.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.evaluation.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

  @Test
  void countsEachClassInEqualWidthBinsWithOneInTheLastAndStrayScoresAtTheEnds() {
    List<Scored> scored =
        List.of(
            new Scored("a", 0, false, 0.0),
            new Scored("b", 0, false, 0.24),
            new Scored("c", 0, false, 0.25),
            new Scored("d", 0, true, 1.0),
            new Scored("e", 0, true, 0.99),
            new Scored("f", 0, false, -0.5),
            new Scored("g", 0, true, 1.5));

    ScoreHistogram histogram = ScoreHistogram.of(scored, 4);

    assertThat(histogram.bins()).isEqualTo(4);
    assertThat(histogram.genuine()).containsExactly(3, 1, 0, 0);
    assertThat(histogram.fraud()).containsExactly(0, 0, 0, 3);
    assertThat(histogram.binLower(1)).isEqualTo(0.25);
    assertThat(ScoreHistogram.of(scored).bins()).isEqualTo(ScoreHistogram.DEFAULT_BINS);
  }
}
