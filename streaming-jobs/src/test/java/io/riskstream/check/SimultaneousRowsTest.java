package io.riskstream.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimultaneousRowsTest {
  private static final FeatureSpec SPEC = FeatureSpecs.HANDBOOK;
  private final SimultaneousRows check = new SimultaneousRows(SPEC);

  @Test
  void acceptsTheReferenceWhenItProcessedTheTieInTheOtherOrder() {
    // The card had 3 earlier transactions summing 150 in every window. We saw A (10) then B (30).
    double[] oursA = row(10, 4, 160);
    double[] oursB = row(30, 5, 190);
    // The reference saw B first: B's windows hold 4 (sum 180), A's hold all 5 (sum 190).
    double[] refA = row(10, 5, 190);
    double[] refB = row(30, 4, 180);

    assertThat(check.matchSomeOrder(List.of(refA, refB), List.of(oursA, oursB))).isTrue();
    assertThat(check.matchSomeOrder(List.of(oursA, oursB), List.of(oursA, oursB))).isTrue();
  }

  @Test
  void rejectsValuesNoOrderExplains() {
    double[] oursA = row(10, 4, 160);
    double[] oursB = row(30, 5, 190);
    double[] wrongA = row(10, 5, 200);
    double[] refB = row(30, 4, 180);

    assertThat(check.matchSomeOrder(List.of(wrongA, refB), List.of(oursA, oursB))).isFalse();
  }

  @Test
  void rejectsAMissingRow() {
    assertThat(
            check.matchSomeOrder(
                List.of(row(10, 4, 160)), java.util.Arrays.asList((double[]) null)))
        .isFalse();
  }

  /** A handbook row whose card windows (all three alike) hold {@code count} transactions. */
  private static double[] row(double amount, double count, double sum) {
    double[] values = new double[SPEC.size()];
    values[SPEC.indexOf("amount")] = amount;
    for (String window : new String[] {"1d", "7d", "30d"}) {
      values[SPEC.indexOf("card_count_" + window)] = count;
      values[SPEC.indexOf("card_mean_" + window)] = sum / count;
    }
    return values;
  }
}
