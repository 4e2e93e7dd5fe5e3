package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskstream.cli.RiskStreamCli;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riskstream evaluate} end to end on a small generated dataset with a planted pattern: the
 * whole platform (broker, scoring and learner jobs) and every baseline run, and the report files
 * hold what the issue asks for. The full run on the handbook data is in the README.
 */
class EvaluateIT {
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
  private static final int DAYS = 12;
  private static final int PER_DAY = 400;

  @Test
  void evaluatesThePlatformAndTheBaselinesOnALabelledReplay(@TempDir Path dir) throws IOException {
    Path data = generate(dir.resolve("transactions.csv"));
    Path report = Path.of("target", "evaluate-it");
    StringWriter out = new StringWriter();

    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "evaluate",
                "--transactions",
                data.toString(),
                "--label-delay",
                "1d",
                "--score-from",
                FIRST_DAY.plusDays(8).toString(),
                "--train-days",
                "3",
                "--epochs",
                "20",
                "--learner-batch-size",
                "256",
                "--learner-plan",
                "head=adam(lr=0.001);experts=adam(lr=0.0005)",
                "--report",
                report.toString());

    System.out.println(out); // the run's log, for a failure's report
    String[] lines = out.toString().strip().split("\n");
    String summary = lines[lines.length - 1];
    assertThat(exit).as(out.toString()).isZero();
    assertThat(summary)
        .startsWith("auc=")
        .contains(" ap=", " cp100=", " recall_at_1pct_fpr=", " xgboost_auc=", " arf_auc=")
        .contains(" txn_per_s=", " latency_p99_ms=", " staleness_p50_h=");

    JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
    JsonNode models = metrics.get("models");
    assertThat(models.fieldNames())
        .toIterable()
        .contains("riskstream-online", "riskstream-static", "xgboost", "arf", "ftrl");
    // Amount above 220 is fraud here: the network and the tree models must find it. (FTRL is not
    // held to it: it was left out while it read raw features, and has not been measured on this
    // data since it standardizes them.)
    for (String model : new String[] {"riskstream-online", "riskstream-static", "xgboost", "arf"}) {
      assertThat(models.get(model).get("auc").asDouble()).as(model).isGreaterThan(0.8);
    }
    assertThat(models.get("riskstream-online").get("days")).hasSize(DAYS - 8);
    // No version scored a transaction before the labels it was trained on were released.
    JsonNode versions = metrics.get("versions");
    assertThat(versions.size()).isPositive();
    for (JsonNode version : versions) {
      if (!version.get("trained_through").isNull()) {
        assertThat(Instant.parse(version.get("trained_through").asText()))
            .isBeforeOrEqualTo(Instant.parse(version.get("first_scored_event_time").asText()));
      }
    }
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).contains("<svg", "riskstream-online", "xgboost").doesNotContain("https://");
  }

  @Test
  void reproducesTheHandbooksChapter3TestSetAndItsXgboostFigures(@TempDir Path dir)
      throws IOException {
    Path data =
        Path.of("..", "..", "shared", "datasets", "fraud-handbook-sim")
            .toAbsolutePath()
            .normalize()
            .resolve("transactions_2018-04-01_to_2018-09-04.csv.gz");
    assumeTrue(
        Files.isReadable(data),
        "skipped: the fraud-handbook-sim dataset is not at " + data + " (../shared is absent)");
    StringWriter out = new StringWriter();

    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "evaluate",
                "--protocol",
                "handbook-ch3",
                "--transactions",
                data.toString(),
                "--epochs",
                "2",
                "--report",
                dir.toString());

    System.out.println(out);
    assertThat(exit).isZero();
    JsonNode models =
        new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("models");
    // The handbook's test set: 58,264 transactions with 385 frauds once known cards are dropped.
    assertThat(models.get("xgboost").get("transactions").asLong()).isEqualTo(58_264);
    assertThat(models.get("xgboost").get("frauds").asLong()).isEqualTo(385);
    // Its XGBoost: AUC 0.862, AP 0.639, CP@100 0.273 (different hyper-parameters and library
    // build).
    assertThat(models.get("xgboost").get("auc").asDouble()).isBetween(0.84, 0.89);
    assertThat(models.get("xgboost").get("ap").asDouble()).isBetween(0.60, 0.68);
    assertThat(models.get("xgboost").get("cp100").asDouble()).isBetween(0.25, 0.31);
    // FTRL on standardized features: AUC 0.853, AP 0.543 (0.665 and 0.027 on the raw features).
    assertThat(models.get("ftrl").get("auc").asDouble()).isGreaterThan(0.83);
    assertThat(models.get("ftrl").get("ap").asDouble()).isGreaterThan(0.45);
  }

  /** Cards paying at terminals; amounts above 220 are fraud, as in the handbook's scenario 1. */
  private static Path generate(Path file) throws IOException {
    Random random = new Random(7);
    long start = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("transaction_id,card_id,terminal_id,amount,event_time,fraud\n");
      int id = 0;
      for (int day = 0; day < DAYS; day++) {
        for (int i = 0; i < PER_DAY; i++) {
          long time = start + day * 86_400_000L + (long) i * (86_400_000L / PER_DAY);
          boolean fraud = random.nextDouble() < 0.03;
          double amount = fraud ? 230 + random.nextDouble() * 300 : random.nextDouble() * 200;
          w.write(
              String.format(
                  java.util.Locale.ROOT,
                  "t%d,c%d,m%d,%.2f,%d,%d%n",
                  id++,
                  random.nextInt(150),
                  random.nextInt(40),
                  amount,
                  time,
                  fraud ? 1 : 0));
        }
      }
    }
    return file;
  }
}
