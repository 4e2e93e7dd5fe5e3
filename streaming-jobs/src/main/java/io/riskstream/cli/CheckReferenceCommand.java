package io.riskstream.cli;

import io.riskstream.check.ReferenceCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskstream features check-reference}: the feature stages against the handbook's values.
 */
@Command(
    name = "check-reference",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the fraud-handbook transactions through a real Kafka broker and the real Flink"
          + " feature stages, and compares the 15 handbook features of every reference row"
          + " (counts exactly, averages and fraud ratios within 1e-6 relative).",
      "Last line: rows=N mismatches=M …"
    })
public final class CheckReferenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--transactions",
      required = true,
      paramLabel = "F",
      description = "Handbook transactions CSV (.gz).")
  Path transactions;

  @Mixin ColumnsOption columns;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "F",
      description = "Handbook reference features CSV (.gz).")
  Path reference;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description =
          "Compare only reference rows before this UTC date, e.g. 2018-07-26 (default: all).")
  LocalDate until;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Job parallelism (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    columns.checkHeaders(List.of(transactions));
    CliSupport.requireReadable(reference);
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, was " + parallelism);
    }
    long untilMillis = until == null ? Long.MAX_VALUE : CliSupport.startOf(until);
    PrintWriter out = spec.commandLine().getOut();
    Path workDir = Files.createTempDirectory("riskstream-check-");
    try {
      ReferenceCheck.Result result =
          ReferenceCheck.run(
              transactions, columns.mapping(), reference, untilMillis, parallelism, workDir, out);
      result.examples().forEach(example -> out.println("mismatch: " + example));
      out.println(result.summary());
      out.flush();
      return result.mismatches() == 0 ? 0 : 1;
    } finally {
      CliSupport.deleteRecursively(workDir);
    }
  }
}
