package io.riskstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCsvReaderTest {
  private static final String HANDBOOK_HEADER =
      "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,"
          + "TX_FRAUD,TX_FRAUD_SCENARIO";

  @TempDir Path dir;

  @Test
  void readsHandbookRowsAsUtcWithCustomerAsCard() throws IOException {
    Path file =
        write(
            "tx.csv",
            HANDBOOK_HEADER,
            "0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0",
            "7,2018-04-02 13:05:00,4961,3412,281.51,133500,1,1,1");

    List<CsvRow> rows = readAll(file, Duration.ZERO);

    assertThat(rows).hasSize(2).allMatch(r -> r instanceof CsvRow.Valid);
    CsvRow.Valid first = (CsvRow.Valid) rows.get(0);
    Transaction tx = first.transaction();
    assertThat(first.lineNumber()).isEqualTo(2);
    assertThat(tx.getTransactionId()).isEqualTo("0");
    assertThat(tx.getCardId()).isEqualTo("596");
    assertThat(tx.getTerminalId()).isEqualTo("3156");
    assertThat(tx.getAmount()).isEqualTo(57.16);
    assertThat(tx.getEventTime()).isEqualTo(Instant.parse("2018-04-01T00:00:31Z").toEpochMilli());
    Label label = first.label().orElseThrow();
    assertThat(label.getFraud()).isFalse();
    assertThat(label.getLabelTime()).isEqualTo(tx.getEventTime());
    assertThat(label.getSource()).isEqualTo("csv");
    assertThat(label.getCardId()).isEqualTo("596");
    assertThat(((CsvRow.Valid) rows.get(1)).label().orElseThrow().getFraud()).isTrue();
  }

  @Test
  void neverReadsTheScenarioColumn() throws IOException {
    // The scenario is derived from the label; a garbage value there must not matter.
    Path file = write("tx.csv", HANDBOOK_HEADER, "1,2018-04-01 00:00:31,1,2,3.50,31,0,0,garbage");

    assertThat(readAll(file, Duration.ZERO)).singleElement().isInstanceOf(CsvRow.Valid.class);
  }

  @Test
  void labelDelayShiftsLabelTimeOnly() throws IOException {
    Path file = write("tx.csv", HANDBOOK_HEADER, "0,2018-04-01 00:00:31,596,3156,57.16,31,0,1,2");

    CsvRow.Valid row = (CsvRow.Valid) readAll(file, Duration.ofDays(7)).get(0);

    assertThat(row.label().orElseThrow().getLabelTime() - row.transaction().getEventTime())
        .isEqualTo(Duration.ofDays(7).toMillis());
  }

  @Test
  void readsGenericFormatWithIsoAndEpochTimesAndNoLabels() throws IOException {
    Path file =
        write(
            "tx.csv",
            "transaction_id,card_id,terminal_id,amount,event_time",
            "t1,c1,m1,10.5,2024-05-01T12:00:00Z",
            "t2,c2,m2,0,1714564800000");

    List<CsvRow> rows = readAll(file, Duration.ZERO);

    CsvRow.Valid iso = (CsvRow.Valid) rows.get(0);
    CsvRow.Valid epoch = (CsvRow.Valid) rows.get(1);
    assertThat(iso.transaction().getEventTime())
        .isEqualTo(Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
    assertThat(epoch.transaction().getEventTime()).isEqualTo(1714564800000L);
    assertThat(iso.transaction().getCardId()).isEqualTo("c1");
    assertThat(iso.label()).isEmpty();
  }

  @Test
  void readsGenericFormatWithFraudColumnAsLabels() throws IOException {
    Path file =
        write(
            "tx.csv",
            "transaction_id,card_id,terminal_id,amount,event_time,fraud",
            "t1,c1,m1,10.5,2024-05-01T12:00:00Z,true",
            "t2,c1,m1,1,2024-05-01T12:00:01Z,0");

    try (TransactionCsvReader reader = TransactionCsvReader.open(file, Duration.ZERO)) {
      assertThat(reader.format()).contains(CsvFormat.GENERIC_LABELLED);
      assertThat(((CsvRow.Valid) reader.next()).label().orElseThrow().getFraud()).isTrue();
      assertThat(((CsvRow.Valid) reader.next()).label().orElseThrow().getFraud()).isFalse();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void readsGzipFiles() throws IOException {
    Path file = dir.resolve("tx.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          (HANDBOOK_HEADER + "\n0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0\n")
              .getBytes(StandardCharsets.UTF_8));
    }

    List<CsvRow> rows = readAll(file, Duration.ZERO);

    assertThat(rows).singleElement().isInstanceOf(CsvRow.Valid.class);
    assertThat(((CsvRow.Valid) rows.get(0)).transaction().getCardId()).isEqualTo("596");
  }

  @Test
  void badRowsNameTheirLineAndProblemAndDoNotStopTheFile() throws IOException {
    Path file =
        write(
            "tx.csv",
            "transaction_id,card_id,terminal_id,amount,event_time,fraud",
            "t1,c1,m1,10,2024-05-01T12:00:00Z", // line 2: too few columns
            "t2,c1,m1,abc,2024-05-01T12:00:00Z,0", // line 3: amount not a number
            "t3,c1,m1,-1,2024-05-01T12:00:00Z,0", // line 4: negative
            "t4,c1,m1,NaN,2024-05-01T12:00:00Z,0", // line 5: NaN
            "t5,c1,m1,Infinity,2024-05-01T12:00:00Z,0", // line 6: infinite
            "t6,,m1,1,2024-05-01T12:00:00Z,0", // line 7: empty card
            "t7,c1,m1,1,yesterday,0", // line 8: bad time
            "t8,c1,m1,1,2024-05-01T12:00:00Z,maybe", // line 9: bad flag
            "t9,c1,m1,1,2024-05-01T12:00:00Z,1"); // line 10: fine

    List<CsvRow> rows = readAll(file, Duration.ZERO);

    assertThat(rows).hasSize(9);
    assertThat(rows.subList(0, 8)).allMatch(r -> r instanceof CsvRow.Rejected);
    assertThat(rows.get(8)).isInstanceOf(CsvRow.Valid.class);
    assertThat(rows.get(0).toString()).isEqualTo("line 2: expected 6 columns but found 5");
    assertThat(rows.get(1).toString()).startsWith("line 3: amount is not a number");
    assertThat(rows.get(2).toString()).startsWith("line 4: amount must be a finite number >= 0");
    assertThat(rows.get(3).toString()).startsWith("line 5: amount must be a finite");
    assertThat(rows.get(4).toString()).startsWith("line 6: amount must be a finite");
    assertThat(rows.get(5).toString()).isEqualTo("line 7: card_id is empty");
    assertThat(rows.get(6).toString()).startsWith("line 8: event_time is neither");
    assertThat(rows.get(7).toString()).startsWith("line 9: fraud must be 0/1");
    assertThat(rows.get(8).lineNumber()).isEqualTo(10);
  }

  @Test
  void badHandbookDateIsRejected() throws IOException {
    Path file = write("tx.csv", HANDBOOK_HEADER, "0,2018-04-01T00:00:31,596,3156,57.16,31,0,0,0");

    assertThat(readAll(file, Duration.ZERO).get(0).toString())
        .startsWith("line 2: TX_DATETIME is not yyyy-MM-dd HH:mm:ss");
  }

  @Test
  void unknownHeaderIsAFileError() throws IOException {
    Path file = write("tx.csv", "id,when,what", "1,2,3");

    assertThatThrownBy(() -> TransactionCsvReader.open(file, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown header 'id,when,what'");
  }

  @Test
  void aMappedCsvYieldsTheSameRowsAsTheEquivalentGenericOne() throws IOException {
    Path generic =
        write(
            "generic.csv",
            "transaction_id,card_id,terminal_id,amount,event_time,fraud",
            "t1,c1,m1,10.5,2024-05-01T12:00:00Z,0",
            "t2,c2,m2,0,1714564800000,1",
            "t3,,m3,1,2024-05-01T12:00:02Z,0",
            "t4,c1,m1,7.25,2024-05-01T12:00:03Z,true");
    Path mapped =
        write(
            "mapped.csv",
            "IS_FRAUD,TS,Country,PAN,TX_ID,AMT,MERCHANT",
            "0,2024-05-01T12:00:00Z,FR,c1,t1,10.5,m1",
            "1,1714564800000,DE,c2,t2,0,m2",
            "0,2024-05-01T12:00:02Z,FR,,t3,1,m3",
            "",
            "true,2024-05-01T12:00:03Z,IT,c1,t4,7.25,m1");
    ColumnMapping columns =
        ColumnMapping.parse(
            "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,"
                + "fraud=IS_FRAUD");

    List<CsvRow> expected = readAll(generic, Duration.ofDays(7));
    List<CsvRow> actual = new ArrayList<>();
    try (TransactionCsvReader reader =
        TransactionCsvReader.open(mapped, Duration.ofDays(7), Optional.of(columns))) {
      assertThat(reader.format()).isEmpty();
      assertThat(reader.hasLabels()).isTrue();
      CsvRow row;
      while ((row = reader.next()) != null) {
        actual.add(row);
      }
    }

    assertThat(expected).hasSize(4).filteredOn(r -> r instanceof CsvRow.Valid).hasSize(3);
    assertThat(actual.get(2)).isEqualTo(new CsvRow.Rejected(4, "PAN is empty"));
    // The blank line in the mapped file shifts the last row's line number only.
    assertThat(actual.subList(0, 2)).isEqualTo(expected.subList(0, 2));
    CsvRow.Valid last = (CsvRow.Valid) actual.get(3);
    CsvRow.Valid expectedLast = (CsvRow.Valid) expected.get(3);
    assertThat(last.lineNumber()).isEqualTo(6);
    assertThat(last.transaction()).isEqualTo(expectedLast.transaction());
    assertThat(last.label()).isEqualTo(expectedLast.label());
  }

  @Test
  void aMappedColumnTheHeaderLacksIsAFileError() throws IOException {
    Path file = write("tx.csv", "TX_ID,PAN,MERCHANT,AMT,TS", "t1,c1,m1,1,2024-05-01T12:00:00Z");
    ColumnMapping columns =
        ColumnMapping.parse(
            "transaction_id=TX_ID,card_id=CARD,terminal_id=MERCHANT,amount=AMT,event_time=TS");

    assertThatThrownBy(() -> TransactionCsvReader.open(file, Duration.ZERO, Optional.of(columns)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": the header has no column CARD (for card_id); its columns are"
                + " TX_ID,PAN,MERCHANT,AMT,TS");
  }

  @Test
  void aMappingAlsoReadsAFileInAKnownFormat() throws IOException {
    Path file = write("tx.csv", HANDBOOK_HEADER, "0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0");
    ColumnMapping columns =
        ColumnMapping.parse(
            "transaction_id=TRANSACTION_ID,card_id=CUSTOMER_ID,terminal_id=TERMINAL_ID,"
                + "amount=TX_AMOUNT,event_time=TX_TIME_SECONDS");

    try (TransactionCsvReader reader =
        TransactionCsvReader.open(file, Duration.ZERO, Optional.of(columns))) {
      assertThat(reader.format()).isEmpty();
      assertThat(reader.hasLabels()).isFalse();
      CsvRow.Valid row = (CsvRow.Valid) reader.next();
      assertThat(row.transaction().getEventTime()).isEqualTo(31);
      assertThat(row.label()).isEmpty();
    }
  }

  @Test
  void readsTheFirstThousandRowsOfTheRealHandbookFile() throws IOException {
    Path data =
        repoRoot()
            .resolve(
                "../shared/datasets/fraud-handbook-sim/transactions_2018-04-01_to_2018-09-04.csv.gz")
            .normalize();
    assumeTrue(Files.isRegularFile(data), "skipped: the fraud-handbook data set is not at " + data);

    long valid = 0;
    long frauds = 0;
    long previousTime = Long.MIN_VALUE;
    try (TransactionCsvReader reader = TransactionCsvReader.open(data, Duration.ZERO)) {
      assertThat(reader.format()).contains(CsvFormat.FRAUD_HANDBOOK);
      for (int i = 0; i < 1000; i++) {
        CsvRow row = reader.next();
        assertThat(row).as("row %d", i).isInstanceOf(CsvRow.Valid.class);
        CsvRow.Valid v = (CsvRow.Valid) row;
        assertThat(v.transaction().getTransactionId()).isEqualTo(Integer.toString(i));
        assertThat(v.transaction().getEventTime()).isGreaterThanOrEqualTo(previousTime);
        previousTime = v.transaction().getEventTime();
        frauds += v.label().orElseThrow().getFraud() ? 1 : 0;
        valid++;
      }
    }
    assertThat(valid).isEqualTo(1000);
    assertThat(previousTime)
        .isBetween(
            Instant.parse("2018-04-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2018-04-02T00:00:00Z").toEpochMilli());
    assertThat(frauds).isLessThan(100);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private static List<CsvRow> readAll(Path file, Duration labelDelay) throws IOException {
    List<CsvRow> rows = new ArrayList<>();
    try (TransactionCsvReader reader = TransactionCsvReader.open(file, labelDelay)) {
      CsvRow row;
      while ((row = reader.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  // Tests run in the module directory; the repository root is where mvnw lives.
  static Path repoRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assumeTrue(dir != null, "skipped: cannot find the repository root from the working directory");
    return dir;
  }
}
