package io.riskstream.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The transaction CSV layouts the platform ingests, recognised by their header line. */
public enum CsvFormat {
  /** The fraud-detection handbook simulator's export; CUSTOMER_ID is the card. */
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
      true),
  /** The platform's own minimal layout, without labels. */
  GENERIC(List.of("transaction_id", "card_id", "terminal_id", "amount", "event_time"), false),
  /** The platform's own minimal layout with a fraud flag per row. */
  GENERIC_LABELLED(
      List.of("transaction_id", "card_id", "terminal_id", "amount", "event_time", "fraud"), true);

  private final List<String> columns;
  private final boolean hasLabels;

  CsvFormat(List<String> columns, boolean hasLabels) {
    this.columns = columns;
    this.hasLabels = hasLabels;
  }

  public int columnCount() {
    return columns.size();
  }

  /** Whether rows carry a fraud verdict, so a {@code Label} can be made from each. */
  public boolean hasLabels() {
    return hasLabels;
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
