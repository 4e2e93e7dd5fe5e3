package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.RiskStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code riskstream bench features} end to end on a few thousand generated rows (a real broker
 * and MiniCluster, about half a minute). Checks only the shape of the output: the figures of a
 * small run on a shared machine mean nothing.
 */
class BenchFeaturesSmokeTest {
  @TempDir Path dir;

  @Test
  void printsProgressAndEndsWithTheSummaryLine() throws Exception {
    Path csv = dir.resolve("tx.csv");
    List<String> lines = new ArrayList<>();
    lines.add("transaction_id,card_id,terminal_id,amount,event_time,fraud");
    long start = 1_700_000_000_000L;
    for (int i = 0; i < 3000; i++) {
      lines.add(
          String.format(
              "t%d,c%d,m%d,%d.5,%d,%d",
              i, i % 50, i % 20, i % 300, start + i * 1000L, i % 97 == 0 ? 1 : 0));
    }
    Files.write(csv, lines);
    StringWriter out = new StringWriter();

    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "bench",
                "features",
                "--transactions",
                csv.toString(),
                "--limit",
                "2000",
                "--live-rate",
                "200",
                "--live-duration",
                "1s");

    String[] printed = out.toString().strip().split("\\R");
    assertThat(exit).isEqualTo(0);
    assertThat(printed[0]).startsWith("published 2,000 transactions");
    assertThat(printed[printed.length - 1])
        .matches(
            "features_txn_per_s=\\d+ passthrough_txn_per_s=\\d+ ratio=\\d+\\.\\d\\d"
                + " p99_feature_latency_ms=\\d+ p50_feature_latency_ms=\\d+ .*transactions=2000"
                + " live_measured=\\d+");
  }
}
