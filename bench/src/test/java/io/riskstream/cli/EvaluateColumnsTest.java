package io.riskstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riskstream evaluate --columns}: a bad mapping is one line, before anything starts. */
class EvaluateColumnsTest {
  @TempDir Path dir;

  @Test
  void aBadMappingIsOneLine() throws IOException {
    Run run = evaluate("--columns", "transaction_id=TX_ID,card_id=PAN,event_time=TS");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err.lines().findFirst().orElseThrow())
        .isEqualTo(
            "riskstream: Invalid value for option '--columns': missing required fields"
                + " terminal_id, amount");
  }

  @Test
  void aHeaderWithoutAMappedColumnIsOneLine() throws IOException {
    Run run =
        evaluate(
            "--columns",
            "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,"
                + "fraud=FRAUD");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err.strip())
        .isEqualTo(
            "riskstream: "
                + dir.resolve("tx.csv")
                + ": the header has no column FRAUD (for fraud); its columns are"
                + " TX_ID,PAN,MERCHANT,AMT,TS,IS_FRAUD");
    assertThat(dir.resolve("report")).doesNotExist();
  }

  private Run evaluate(String... columns) throws IOException {
    Path csv =
        Files.write(
            dir.resolve("tx.csv"),
            List.of("TX_ID,PAN,MERCHANT,AMT,TS,IS_FRAUD", "t1,c1,m1,1.5,2018-08-01T00:00:00Z,0"),
            StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true))
            .execute(
                "evaluate",
                "--transactions",
                csv.toString(),
                "--report",
                dir.resolve("report").toString(),
                columns[0],
                columns[1]);
    return new Run(exit, err.toString());
  }

  private record Run(int exit, String err) {}
}
