package io.riskstream.ingest;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns one CSV line of a known {@link CsvFormat} into a {@link Transaction} and, where the format
 * has a fraud column, a {@link Label}. Never throws for bad data: a bad line becomes a {@link
 * CsvRow.Rejected} so one broken row cannot stop a 1.5M-row file.
 */
public final class RowParser {
  static final String LABEL_SOURCE = "csv";

  private static final DateTimeFormatter HANDBOOK_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final CsvFormat format;
  private final Duration labelDelay;

  /**
   * @param labelDelay added to a transaction's event time to get its label time; zero means the
   *     verdict is known at once
   */
  public RowParser(CsvFormat format, Duration labelDelay) {
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("label delay must not be negative: " + labelDelay);
    }
    this.format = format;
    this.labelDelay = labelDelay;
  }

  public CsvRow parse(long lineNumber, String line) {
    String[] cells = line.split(",", -1);
    if (cells.length != format.columnCount()) {
      return new CsvRow.Rejected(
          lineNumber, "expected " + format.columnCount() + " columns but found " + cells.length);
    }
    try {
      return format == CsvFormat.FRAUD_HANDBOOK
          ? handbook(lineNumber, cells)
          : generic(lineNumber, cells);
    } catch (BadCell e) {
      return new CsvRow.Rejected(lineNumber, e.getMessage());
    }
  }

  // TX_TIME_SECONDS, TX_TIME_DAYS restate TX_DATETIME, and TX_FRAUD_SCENARIO is derived from the
  // label itself (a leak), so none of them is read.
  private CsvRow handbook(long lineNumber, String[] cells) {
    String transactionId = id("TRANSACTION_ID", cells[0]);
    long eventTime = handbookTime(cells[1]);
    String cardId = id("CUSTOMER_ID", cells[2]);
    String terminalId = id("TERMINAL_ID", cells[3]);
    double amount = amount("TX_AMOUNT", cells[4]);
    boolean fraud = flag("TX_FRAUD", cells[7]);
    return valid(lineNumber, transactionId, cardId, terminalId, amount, eventTime, fraud);
  }

  private CsvRow generic(long lineNumber, String[] cells) {
    String transactionId = id("transaction_id", cells[0]);
    String cardId = id("card_id", cells[1]);
    String terminalId = id("terminal_id", cells[2]);
    double amount = amount("amount", cells[3]);
    long eventTime = genericTime(cells[4]);
    Boolean fraud = format.hasLabels() ? flag("fraud", cells[5]) : null;
    return valid(lineNumber, transactionId, cardId, terminalId, amount, eventTime, fraud);
  }

  private CsvRow valid(
      long lineNumber,
      String transactionId,
      String cardId,
      String terminalId,
      double amount,
      long eventTime,
      Boolean fraud) {
    Transaction transaction =
        Transaction.newBuilder()
            .setTransactionId(transactionId)
            .setCardId(cardId)
            .setTerminalId(terminalId)
            .setAmount(amount)
            .setEventTime(eventTime)
            .build();
    Optional<Label> label =
        fraud == null
            ? Optional.empty()
            : Optional.of(
                Label.newBuilder()
                    .setTransactionId(transactionId)
                    .setCardId(cardId)
                    .setFraud(fraud)
                    .setLabelTime(eventTime + labelDelay.toMillis())
                    .setSource(LABEL_SOURCE)
                    .build());
    return new CsvRow.Valid(lineNumber, transaction, label);
  }

  private static String id(String column, String cell) {
    String value = cell.trim();
    if (value.isEmpty()) {
      throw new BadCell(column + " is empty");
    }
    return value;
  }

  private static double amount(String column, String cell) {
    double value;
    try {
      value = Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new BadCell(column + " is not a number: '" + cell + "'");
    }
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new BadCell(column + " must be a finite number >= 0: '" + cell + "'");
    }
    return value;
  }

  private static boolean flag(String column, String cell) {
    switch (cell.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "1":
      case "true":
        return true;
      case "0":
      case "false":
        return false;
      default:
        throw new BadCell(column + " must be 0/1 or true/false: '" + cell + "'");
    }
  }

  // The handbook's datetimes carry no zone; the simulator's clock is taken as UTC.
  private static long handbookTime(String cell) {
    try {
      return LocalDateTime.parse(cell.trim(), HANDBOOK_TIME)
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadCell("TX_DATETIME is not yyyy-MM-dd HH:mm:ss: '" + cell + "'");
    }
  }

  private static long genericTime(String cell) {
    String value = cell.trim();
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new BadCell("event_time epoch millis out of range: '" + cell + "'");
      }
    }
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadCell(
          "event_time is neither an ISO-8601 instant nor epoch millis: '" + cell + "'");
    }
  }

  /** A cell that cannot be read; unwinds to {@link #parse} which turns it into a rejection. */
  private static final class BadCell extends RuntimeException {
    BadCell(String message) {
      super(message, null, false, false);
    }
  }
}
