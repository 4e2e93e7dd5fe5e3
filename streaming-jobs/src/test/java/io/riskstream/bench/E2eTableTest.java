package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class E2eTableTest {
  private static final RatePhase SUSTAINED =
      new RatePhase(
          5000,
          15,
          75_000,
          75_000,
          75_010,
          12,
          new Percentiles(75_000, 1_170, 2_246, 12_359),
          new Percentiles(75_000, 26, 285, 352));

  @Test
  void aSustainedRowsFiguresEndUnderTheirHeadings() {
    String[] header = E2eTable.header().split("\\R");
    String row = E2eTable.row("pass-through", SUSTAINED);

    assertThat(header).hasSize(2);
    assertThat(row).hasSameSizeAs(header[1]);
    assertThat(row).endsWith("     352");
    assertThat(header[1]).endsWith("   p99.9");
    // The consumed p50 ends where its heading does.
    assertThat(row.indexOf("1,170") + "1,170".length())
        .isEqualTo(header[1].indexOf("p50") + "p50".length());
    assertThat(row.indexOf("sustained")).isEqualTo(header[0].indexOf("verdict"));
    // 75,000 sent and 75,010 written in 15 s.
    assertThat(row).startsWith("pass-through    5,000    5,000      5,001  sustained ");
  }

  @Test
  void anUnsustainedRowGivesTheBacklogInsteadOfLatencies() {
    RatePhase behind =
        new RatePhase(
            1000, 15, 15_000, 4_610, 4_215, 0, new Percentiles(4_610, 1, 2, 3), Percentiles.NONE);

    assertThat(E2eTable.row("platform", behind))
        .contains("unsustained")
        .contains("backlog grew 719 txn/s; 4,610 of 15,000 sent came out within the grace")
        .doesNotContain("latency rose");
  }
}
