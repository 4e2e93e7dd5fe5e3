package io.riskstream.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.cli.RiskStreamCli;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.FraudModel;
import io.riskstream.model.SavedModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code riskstream model train} end to end on a small generated CSV (a real broker and
 * MiniCluster): frauds are the large amounts, which the handbook spec's amount feature shows, so a
 * trained model must rank them first. Also the one-line messages for bad arguments.
 */
class ModelTrainCommandTest {
  private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  private static final int ROWS = 4000;
  private static final long STEP_MS = 90_000; // 4,000 rows over about four days

  @TempDir Path dir;

  @Test
  void trainsVersionOneOnTheSliceAndSavesIt() throws Exception {
    Path csv = csv();
    Path out = dir.resolve("model");
    // Training examples: 2024-03-03 onwards (the rows before only warm the windows up).
    long from = Instant.parse("2024-03-03T00:00:00Z").toEpochMilli();
    long until = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    int rows = 0;
    int frauds = 0;
    long last = 0;
    for (int i = 0; i < ROWS; i++) {
      long t = START + i * STEP_MS;
      if (t >= from && t < until) {
        rows++;
        frauds += fraud(i) ? 1 : 0;
        last = t;
      }
    }
    StringWriter text = new StringWriter();

    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(text))
            .execute(
                "model",
                "train",
                "--transactions",
                csv.toString(),
                "--spec",
                "handbook",
                "--from",
                "2024-03-03",
                "--until",
                "2024-03-04",
                "--epochs",
                "3",
                "--batch-size",
                "32",
                "--learning-rate",
                "0.01",
                "--history-length",
                "8",
                "--out",
                out.toString());

    String[] lines = text.toString().strip().split("\\R");
    String summary = lines[lines.length - 1];
    assertThat(exit).as(text.toString()).isZero();
    Matcher m =
        Pattern.compile(
                "rows=(\\d+) frauds=(\\d+) epochs=3 loss=\\d+\\.\\d{4} auc_train=(\\d\\.\\d{4})"
                    + " ap_train=(\\d\\.\\d{4}) seconds=\\d+\\.\\d")
            .matcher(summary);
    assertThat(m.matches()).as(summary).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(rows);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(frauds).isPositive();
    assertThat(Double.parseDouble(m.group(3))).isGreaterThan(0.9);

    SavedModel saved = SavedModel.load(out);
    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.modelId()).isEqualTo("riskstream-fraud");
    assertThat(saved.featureLayout()).isEqualTo(FeatureSpecs.HANDBOOK.id());
    assertThat(saved.trainedThrough()).isEqualTo(last);
    assertThat(saved.config().historyLength()).isEqualTo(8);
    assertThat(saved.training()).containsEntry("rows", Integer.toString(rows));
    try (FraudModel model = saved.toModel()) {
      assertThat(model.groups()).containsExactlyElementsOf(saved.groups().keySet());
    }
  }

  @Test
  void badArgumentsGiveOneLine() throws Exception {
    Path csv = csv();

    assertOneLine(
        "riskstream: cannot read " + dir.resolve("missing.csv"),
        "--transactions",
        dir.resolve("missing.csv").toString(),
        "--until",
        "2024-03-04");
    assertOneLine(
        "riskstream: --spec must be default or handbook, was fancy",
        "--transactions",
        csv.toString(),
        "--until",
        "2024-03-04",
        "--spec",
        "fancy");
    assertOneLine(
        "riskstream: --attention must be sparse or dense, was wide",
        "--transactions",
        csv.toString(),
        "--until",
        "2024-03-04",
        "--attention",
        "wide");
    assertOneLine(
        "riskstream: no transactions from 2023-01-01T00:00:00Z to 2023-01-02T00:00:00Z in ["
            + csv
            + "]",
        "--transactions",
        csv.toString(),
        "--from",
        "2023-01-01",
        "--until",
        "2023-01-02");
  }

  private void assertOneLine(String expected, String... args) {
    StringWriter err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of("model", "train", "--out", dir + "/m"));
    argv.addAll(List.of(args));

    int exit =
        RiskStreamCli.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute(argv.toArray(String[]::new));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(expected);
  }

  /** Fraud: every 23rd row, with a large amount; the other amounts stay small. */
  private static boolean fraud(int i) {
    return i % 23 == 0;
  }

  private Path csv() throws Exception {
    Path csv = dir.resolve("tx.csv");
    List<String> lines = new ArrayList<>();
    lines.add("transaction_id,card_id,terminal_id,amount,event_time,fraud");
    for (int i = 0; i < ROWS; i++) {
      double amount = fraud(i) ? 400 + i % 200 : 5 + (i * 37) % 120;
      lines.add(
          String.format(
              Locale.ROOT,
              "t%d,c%d,m%d,%.2f,%d,%d",
              i,
              i % 40,
              (i * 7) % 50,
              amount,
              START + i * STEP_MS,
              fraud(i) ? 1 : 0));
    }
    Files.write(csv, lines);
    return csv;
  }
}
