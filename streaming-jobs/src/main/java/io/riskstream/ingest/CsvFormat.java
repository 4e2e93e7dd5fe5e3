package io.riskstream.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The transaction CSV layouts the platform ingests, recognised by their header line. */
public enum CsvFormat {
  /**
   * The fraud-handbook simulator's export; CUSTOMER_ID is the card. TX_TIME_SECONDS and
   * TX_TIME_DAYS restate TX_DATETIME, and TX_FRAUD_SCENARIO is derived from the label itself (a
   * leak), so none of them is read.
   */
  FRAUD_HANDBOOK(
      List.of(
          "TRANSACTION_ID",
          "TX_DATETIME",
          "CUSTOMER_ID",
          "TERMINAL_ID",
          "TX_AMOUNT",
          "TX_TIME_SECONDS",
          "TX_TIME_DAYS",
          "TX_FRAUD",
          "TX_FRAUD_SCENARIO"),
      "transaction_id=TRANSACTION_ID,card_id=CUSTOMER_ID,terminal_id=TERMINAL_ID,amount=TX_AMOUNT,"
          + "event_time=TX_DATETIME,fraud=TX_FRAUD",
      RowParser.TimeFormat.HANDBOOK),
  /** The platform's own minimal layout, without labels. */
  GENERIC(List.of("transaction_id", "card_id", "terminal_id", "amount", "event_time")),
  /** The platform's own minimal layout with a fraud flag per row. */
  GENERIC_LABELLED(
      List.of("transaction_id", "card_id", "terminal_id", "amount", "event_time", "fraud"));

  private final List<String> columns;
  private final ColumnMapping mapping;
  private final RowParser.TimeFormat time;

  CsvFormat(List<String> columns, String mapping, RowParser.TimeFormat time) {
    this.columns = columns;
    this.mapping = ColumnMapping.parse(mapping);
    this.time = time;
  }

  /** A layout whose column names are the fields' own. */
  CsvFormat(List<String> columns) {
    this(
        columns,
        columns.stream().map(c -> c + "=" + c).collect(Collectors.joining(",")),
        RowParser.TimeFormat.INSTANT_OR_EPOCH_MILLIS);
  }

  public int columnCount() {
    return columns.size();
  }

  /** Whether rows carry a fraud verdict, so a {@code Label} can be made from each. */
  public boolean hasLabels() {
    return mapping.hasLabels();
  }

  /** Where the fields are in this format's rows. */
  ColumnMapping.Located located() {
    return mapping.locate(header());
  }

  /** How this format writes event times. */
  RowParser.TimeFormat timeFormat() {
    return time;
  }

  /** The header this format is recognised by, comma-separated. */
  public String header() {
    return String.join(",", columns);
  }

  /**
   * The format whose header this is; names are compared case-insensitively and trimmed, since
   * spreadsheets like to change both.
   */
  public static Optional<CsvFormat> detect(String headerLine) {
    String[] names = headerLine.split(",", -1);
    for (CsvFormat format : values()) {
      if (names.length == format.columns.size() && matches(names, format.columns)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String[] names, List<String> expected) {
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(Locale.ROOT);
      if (!name.equals(expected.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
