package io.riskstream.ingest;

import io.riskstream.ingest.ColumnMapping.Field;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one CSV line of a known {@link CsvFormat}, or of any header read through a {@link
 * ColumnMapping}, into a {@link Transaction} and, where the layout has a fraud column, a {@link
 * Label}. Never throws for bad data: a bad line becomes a {@link CsvRow.Rejected} so one broken row
 * cannot stop a 1.5M-row file.
 */
public final class RowParser {
  static final String LABEL_SOURCE = "csv";

  private static final DateTimeFormatter HANDBOOK_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** How a layout writes event times. */
  enum TimeFormat {
    /** {@code yyyy-MM-dd HH:mm:ss} without a zone; the simulator's clock is taken as UTC. */
    HANDBOOK,
    /** An ISO-8601 instant or epoch milliseconds. */
    INSTANT_OR_EPOCH_MILLIS
  }

  private final ColumnMapping.Located columns;
  private final TimeFormat time;
  private final Duration labelDelay;

  /**
   * @param labelDelay added to a transaction's event time to get its label time; zero means the
   *     verdict is known at once
   */
  public RowParser(CsvFormat format, Duration labelDelay) {
    this(format.located(), format.timeFormat(), labelDelay);
  }

  /**
   * A parser for the rows of a file with {@code headerLine}, its fields where {@code mapping} says;
   * event times are ISO-8601 instants or epoch milliseconds, as in the generic layout.
   *
   * @throws IllegalArgumentException when the header lacks a mapped column or has it twice
   */
  public RowParser(ColumnMapping mapping, String headerLine, Duration labelDelay) {
    this(mapping.locate(headerLine), TimeFormat.INSTANT_OR_EPOCH_MILLIS, labelDelay);
  }

  private RowParser(ColumnMapping.Located columns, TimeFormat time, Duration labelDelay) {
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("label delay must not be negative: " + labelDelay);
    }
    this.columns = columns;
    this.time = time;
    this.labelDelay = labelDelay;
  }

  /** Whether rows carry a fraud verdict, so each valid row has a label. */
  public boolean hasLabels() {
    return columns.has(Field.FRAUD);
  }

  public CsvRow parse(long lineNumber, String line) {
    String[] cells = line.split(",", -1);
    if (cells.length != columns.width()) {
      return new CsvRow.Rejected(
          lineNumber, "expected " + columns.width() + " columns but found " + cells.length);
    }
    try {
      String transactionId = id(cells, Field.TRANSACTION_ID);
      String cardId = id(cells, Field.CARD_ID);
      String terminalId = id(cells, Field.TERMINAL_ID);
      double amount = amount(cells);
      long eventTime = eventTime(cells);
      Boolean fraud = hasLabels() ? flag(cells) : null;
      Transaction transaction =
          Transaction.newBuilder()
              .setTransactionId(transactionId)
              .setCardId(cardId)
              .setTerminalId(terminalId)
              .setAmount(amount)
              .setEventTime(eventTime)
              .setDeviceId(optional(cells, Field.DEVICE_ID))
              .setIpAddress(optional(cells, Field.IP_ADDRESS))
              .build();
      return valid(lineNumber, transaction, fraud);
    } catch (BadCell e) {
      return new CsvRow.Rejected(lineNumber, e.getMessage());
    }
  }

  private CsvRow valid(long lineNumber, Transaction transaction, Boolean fraud) {
    Optional<Label> label =
        fraud == null
            ? Optional.empty()
            : Optional.of(
                Label.newBuilder()
                    .setTransactionId(transaction.getTransactionId())
                    .setCardId(transaction.getCardId())
                    .setFraud(fraud)
                    .setLabelTime(transaction.getEventTime() + labelDelay.toMillis())
                    .setSource(LABEL_SOURCE)
                    .build());
    return new CsvRow.Valid(lineNumber, transaction, label);
  }

  private String id(String[] cells, Field field) {
    String value = columns.cell(cells, field).trim();
    if (value.isEmpty()) {
      throw new BadCell(columns.name(field) + " is empty");
    }
    return value;
  }

  /**
   * The cell of an optional field; null when the layout has no such column or the cell is blank.
   */
  private String optional(String[] cells, Field field) {
    if (!columns.has(field)) {
      return null;
    }
    String value = columns.cell(cells, field).trim();
    return value.isEmpty() ? null : value;
  }

  private double amount(String[] cells) {
    String column = columns.name(Field.AMOUNT);
    String cell = columns.cell(cells, Field.AMOUNT);
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

  private boolean flag(String[] cells) {
    String cell = columns.cell(cells, Field.FRAUD);
    switch (cell.trim().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
        return true;
      case "0":
      case "false":
        return false;
      default:
        throw new BadCell(columns.name(Field.FRAUD) + " must be 0/1 or true/false: '" + cell + "'");
    }
  }

  private long eventTime(String[] cells) {
    String column = columns.name(Field.EVENT_TIME);
    String cell = columns.cell(cells, Field.EVENT_TIME);
    return time == TimeFormat.HANDBOOK ? handbookTime(column, cell) : instantOrMillis(column, cell);
  }

  private static long handbookTime(String column, String cell) {
    try {
      return LocalDateTime.parse(cell.trim(), HANDBOOK_TIME)
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadCell(column + " is not yyyy-MM-dd HH:mm:ss: '" + cell + "'");
    }
  }

  private static long instantOrMillis(String column, String cell) {
    String value = cell.trim();
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new BadCell(column + " epoch millis out of range: '" + cell + "'");
      }
    }
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadCell(
          column + " is neither an ISO-8601 instant nor epoch millis: '" + cell + "'");
    }
  }

  /** A cell that cannot be read; unwinds to {@link #parse} which turns it into a rejection. */
  private static final class BadCell extends RuntimeException {
    BadCell(String message) {
      super(message, null, false, false);
    }
  }
}
