package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskstream.cli.RiskStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code riskstream features check-reference} on the shared handbook data: the feature stages
 * must reproduce the handbook's reference features exactly. A one-day slice keeps CI lean (the full
 * 201,295 rows run the same code in about a minute: see the README).
 */
class CheckReferenceIT {
  private static final Path DATA =
      Path.of("..", "..", "shared", "datasets", "fraud-handbook-sim").toAbsolutePath().normalize();

  @Test
  void featureStagesReproduceTheHandbookReferenceFeatures() {
    Path transactions = DATA.resolve("transactions_2018-04-01_to_2018-09-04.csv.gz");
    Path reference = DATA.resolve("reference_features_2018-07-25_to_2018-08-14.csv.gz");
    assumeTrue(
        Files.isReadable(transactions) && Files.isReadable(reference),
        "skipped: the fraud-handbook-sim dataset is not at " + DATA + " (../shared is absent)");
    StringWriter out = new StringWriter();
    var cli = RiskStreamCli.commandLine().setOut(new PrintWriter(out));

    int exit =
        cli.execute(
            "features",
            "check-reference",
            "--transactions",
            transactions.toString(),
            "--reference",
            reference.toString(),
            "--until",
            "2018-07-26");

    String[] lines = out.toString().strip().split("\n");
    assertThat(lines[lines.length - 1]).startsWith("rows=9541 mismatches=0 ");
    assertThat(exit).isZero();
  }
}
