package io.riskstream.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code riskstream} command line in this JVM and what it printed, for tests. */
public record CliRun(int exit, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
