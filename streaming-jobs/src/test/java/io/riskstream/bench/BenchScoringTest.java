package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.RiskStreamCli;
import io.riskstream.model.ModelConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code riskstream bench scoring} with tiny settings (a few seconds) and checks the shape of
 * its output and that every point measured something: the figures of a tiny run on a shared machine
 * mean nothing. Also checks the one-line errors for bad settings.
 */
class BenchScoringTest {

  /** Past events sparse attention reads: the default local window plus top-k, whatever L. */
  private static final int SPARSE_ATTENDED =
      ModelConfig.defaults(15).localWindow() + ModelConfig.defaults(15).topK();

  @Test
  void printsBothTablesAndEndsWithTheSummaryLine() {
    StringWriter out = new StringWriter();
    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "bench",
                "scoring",
                "--batch-sizes",
                "256,1",
                "--threads",
                "1,2",
                "--lengths",
                "256," + SPARSE_ATTENDED,
                "--warmup-seconds",
                "0",
                "--seconds-per-point",
                "0.05");

    assertThat(exit).isEqualTo(0);
    List<String> printed = Arrays.asList(out.toString().strip().split("\\R"));
    assertThat(printed.get(0))
        .startsWith("Scoring with feature spec handbook-")
        .contains("(15 features)");
    // Throughput rows: threads, batch, seq/s, p50 ms, p99 ms, calls; sorted by batch, then threads.
    List<String[]> throughput =
        rows(printed, "\\s*\\d+\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+");
    assertThat(throughput)
        .extracting(r -> r[0] + "x" + r[1])
        .containsExactly("1x1", "2x1", "1x256", "2x256");
    for (String[] row : throughput) {
      assertThat(Double.parseDouble(row[2])).isPositive();
      assertThat(Double.parseDouble(row[4])).isGreaterThanOrEqualTo(Double.parseDouble(row[3]));
      assertThat(Long.parseLong(row[5])).isPositive();
    }
    // Cost curve rows: L, attended "sparse / dense", four times per sequence, speedup.
    List<String[]> curve = rows(printed, "\\s*\\d+\\s+\\d+ / \\d+(\\s+[\\d.]+){5}");
    // The shortest history allowed: sparse and dense then read the same events.
    String shortest = SPARSE_ATTENDED + "/" + SPARSE_ATTENDED;
    assertThat(curve).extracting(r -> r[0]).containsExactly("" + SPARSE_ATTENDED, "256");
    assertThat(curve)
        .extracting(r -> r[1] + "/" + r[2])
        .containsExactly(shortest, SPARSE_ATTENDED + "/256");
    assertThat(printed.get(printed.size() - 1))
        .matches(
            "seq_per_s_b256=\\d+ p99_ms_b256=\\d+\\.\\d{3} topk_vs_dense_speedup_L256=\\d+\\.\\d\\d"
                + " p50_ms_b256=\\d+\\.\\d{3} seq_per_s_b256_2threads=\\d+"
                + " p99_ms_b256_2threads=\\d+\\.\\d{3}");
  }

  @Test
  void badSettingsAreOneLineErrors() {
    assertThat(error("--batch-sizes", "1,32"))
        .isEqualTo(
            "riskstream: --batch-sizes must include 256 (the last line reports it), got [1, 32]");
    int tooShort = SPARSE_ATTENDED - 1;
    assertThat(error("--lengths", tooShort + ",256"))
        .isEqualTo(
            "riskstream: --lengths must each be in "
                + SPARSE_ATTENDED
                + "..2048, got ["
                + tooShort
                + ", 256]");
    assertThat(error("--threads", "0,1"))
        .isEqualTo("riskstream: --threads must each be in 1..64, got [0, 1]");
    assertThat(error("--seconds-per-point", "0"))
        .isEqualTo("riskstream: --seconds-per-point must be in 0.001..600 seconds, got 0.0");
    assertThat(error("--batch-sizes", "1,x"))
        .startsWith("riskstream: Invalid value for option '--batch-sizes'");
  }

  private static String error(String option, String value) {
    StringWriter err = new StringWriter();
    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute("bench", "scoring", option, value);
    assertThat(exit).isEqualTo(2);
    return err.toString().strip().split("\\R")[0];
  }

  private static List<String[]> rows(List<String> printed, String pattern) {
    return printed.stream()
        .filter(line -> line.matches(pattern))
        .map(line -> line.strip().split("\\s+(/\\s+)?"))
        .toList();
  }
}
