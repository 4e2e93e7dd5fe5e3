package io.riskstream.learner.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StandardizerTest {

  @Test
  void runningStatisticsMatchTwoPassOnes() {
    // Offsets far above the spread, where the naive sum-of-squares formula loses its digits.
    Random random = new Random(5);
    int n = 10_000;
    double[][] x = new double[n][];
    Standardizer standardizer = new Standardizer(2);
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {1e6 + random.nextGaussian() * 0.01, 3 + 2 * random.nextGaussian()};
      standardizer.observe(x[i]);
    }

    for (int f = 0; f < 2; f++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[f] / n;
      }
      double squares = 0;
      for (double[] row : x) {
        squares += (row[f] - mean) * (row[f] - mean);
      }
      assertThat(standardizer.mean(f)).isCloseTo(mean, within(1e-9 * Math.abs(mean)));
      assertThat(standardizer.sd(f))
          .isCloseTo(Math.sqrt(squares / n), within(1e-6 * Math.sqrt(squares / n)));
    }
    assertThat(standardizer.count()).isEqualTo(n);
  }

  @Test
  void zScoresClippedAndZeroWhereNothingVaried() {
    Standardizer standardizer = new Standardizer(2);
    assertThat(standardizer.apply(new double[] {5, 5})).containsExactly(0, 0);

    standardizer.observe(new double[] {1, 7});
    assertThat(standardizer.apply(new double[] {3, 8})).containsExactly(0, 0);

    standardizer.observe(new double[] {3, 7});
    // Feature 0: mean 2, sd 1. Feature 1 has been 7 both times.
    assertThat(standardizer.apply(new double[] {4.5, 100})).containsExactly(2.5, 0);
    assertThat(standardizer.apply(0, 1e9)).isEqualTo(Standardizer.CLIP);
    assertThat(standardizer.apply(0, -1e9)).isEqualTo(-Standardizer.CLIP);
    assertThatThrownBy(() -> standardizer.observe(new double[] {1}))
        .hasMessageContaining("2 features, got a vector of 1");
  }

  @Test
  void aCopyIsIndependentAndWritesRoundTrip() throws IOException {
    Standardizer standardizer = new Standardizer(3);
    standardizer.observe(new double[] {1, -2, 0.5});
    standardizer.observe(new double[] {4, 2, 0.25});
    Standardizer copy = standardizer.copy();
    standardizer.observe(new double[] {100, 100, 100});

    assertThat(copy.count()).isEqualTo(2);
    assertThat(copy.mean(0)).isEqualTo(2.5);
    assertThat(copy).isNotEqualTo(standardizer);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    copy.write(new DataOutputStream(bytes));
    assertThat(bytes.size()).isEqualTo(8 + 4 + 2 * 3 * 8);
    Standardizer read =
        Standardizer.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read).isEqualTo(copy).hasSameHashCodeAs(copy);
    assertThat(read.apply(new double[] {4, 2, 0.25}))
        .isEqualTo(copy.apply(new double[] {4, 2, 0.25}));
  }
}
