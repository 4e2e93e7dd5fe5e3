package io.riskstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --columns} on every command that reads transaction CSVs, and its one-line errors; all of
 * them come before any broker is started or asked.
 */
class ColumnsOptionTest {
  private static final String MAPPING =
      "transaction_id=TX_ID,card_id=CARD,terminal_id=MERCHANT,amount=AMT,event_time=TS,"
          + "fraud=IS_FRAUD";

  @TempDir Path dir;

  @Test
  void everyCommandThatReadsTransactionsTakesColumnsAndNamesABadMappingInOneLine()
      throws IOException {
    Path csv = csv();
    List<List<String>> commands =
        List.of(
            produce(csv),
            train(csv),
            List.of("model", "compare-attention", "--transactions", csv.toString()),
            benchFeatures(csv),
            List.of(
                "features",
                "check-reference",
                "--transactions",
                csv.toString(),
                "--reference",
                csv.toString()));
    for (List<String> command : commands) {
      CliRun run = run(command, "--columns", "transaction_id=TX_ID,pan=CARD");

      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines().findFirst().orElseThrow())
          .as(command.toString())
          .isEqualTo(
              "riskstream: Invalid value for option '--columns': unknown field 'pan'; the fields"
                  + " are transaction_id, card_id, terminal_id, amount, event_time, fraud,"
                  + " device_id, ip_address");
    }
  }

  @Test
  void aHeaderWithoutAMappedColumnIsOneLineBeforeAnyBrokerIsStarted() throws IOException {
    Path csv = csv();
    String columns = MAPPING.replace("card_id=CARD", "card_id=PAN");
    String problem =
        csv
            + ": the header has no column PAN (for card_id); its columns are"
            + " TX_ID,CARD,MERCHANT,AMT,TS,IS_FRAUD";

    CliRun produce = run(produce(csv), "--columns", columns);
    CliRun train = run(train(csv), "--columns", columns);
    CliRun bench = run(benchFeatures(csv), "--columns", columns);

    assertThat(produce.exit()).isEqualTo(2);
    assertThat(produce.err().strip()).isEqualTo("riskstream produce: " + problem);
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err().strip()).isEqualTo("riskstream: " + problem);
    assertThat(bench.exit()).isEqualTo(2);
    assertThat(bench.err().strip()).isEqualTo("riskstream: " + problem);
  }

  @Test
  void withoutColumnsAnUnknownHeaderPointsToTheOption() throws IOException {
    Path csv = csv();

    CliRun train = run(train(csv));

    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err().strip())
        .startsWith("riskstream: " + csv + ": unknown header 'TX_ID,CARD,")
        .endsWith("or map its columns with --columns")
        .doesNotContain("\n");
  }

  private static List<String> produce(Path csv) {
    return List.of("produce", "--topic", "transactions", "--file", csv.toString());
  }

  private List<String> train(Path csv) {
    return List.of(
        "model",
        "train",
        "--transactions",
        csv.toString(),
        "--until",
        "2024-05-02",
        "--out",
        dir.resolve("m").toString());
  }

  private static List<String> benchFeatures(Path csv) {
    return List.of("bench", "features", "--transactions", csv.toString());
  }

  private Path csv() throws IOException {
    return Files.write(
        dir.resolve("mapped.csv"),
        List.of("TX_ID,CARD,MERCHANT,AMT,TS,IS_FRAUD", "t1,c1,m1,1.5,2024-05-01T12:00:00Z,0"),
        StandardCharsets.UTF_8);
  }

  private static CliRun run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }
}
