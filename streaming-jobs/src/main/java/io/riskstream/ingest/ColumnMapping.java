package io.riskstream.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which CSV column holds each field of a transaction, e.g. {@code
 * transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,fraud=IS_FRAUD}:
 * lets the platform read any CSV with a header. Columns are found by their header name (trimmed,
 * any case), in any order; columns the mapping does not name are ignored.
 */
public final class ColumnMapping {

  /** The fields a row can give, named in a mapping as {@link #key()}. */
  public enum Field {
    TRANSACTION_ID(true),
    CARD_ID(true),
    TERMINAL_ID(true),
    AMOUNT(true),
    /** An ISO-8601 instant or epoch milliseconds, as in the generic layout. */
    EVENT_TIME(true),
    /** 0/1 or true/false; without it rows carry no label. */
    FRAUD(false),
    DEVICE_ID(false),
    IP_ADDRESS(false);

    private final boolean required;

    Field(boolean required) {
      this.required = required;
    }

    /** The field's name in a mapping, e.g. {@code card_id}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean required() {
      return required;
    }

    static Optional<Field> byKey(String key) {
      for (Field field : values()) {
        if (field.key().equals(key.toLowerCase(Locale.ROOT))) {
          return Optional.of(field);
        }
      }
      return Optional.empty();
    }
  }

  private final Map<Field, String> columns;

  private ColumnMapping(Map<Field, String> columns) {
    this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
  }

  /**
   * Reads {@code field=COLUMN,…}.
   *
   * @throws IllegalArgumentException with one line naming the problem: an entry that is not {@code
   *     field=COLUMN}, an unknown or repeated field, two fields on one column, or a required field
   *     left out
   */
  public static ColumnMapping parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "no columns given; expected field=COLUMN,… e.g. " + EXAMPLE);
    }
    Map<Field, String> columns = new EnumMap<>(Field.class);
    for (String entry : text.split(",", -1)) {
      int equals = entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).trim();
      String column = equals < 0 ? "" : entry.substring(equals + 1).trim();
      if (key.isEmpty() || column.isEmpty()) {
        throw new IllegalArgumentException("'" + entry.trim() + "' is not field=COLUMN");
      }
      Field field =
          Field.byKey(key)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown field '" + key + "'; the fields are " + keys(Field.values())));
      if (columns.containsKey(field)) {
        throw new IllegalArgumentException("field " + field.key() + " is given twice");
      }
      for (Map.Entry<Field, String> other : columns.entrySet()) {
        if (other.getValue().equalsIgnoreCase(column)) {
          throw new IllegalArgumentException(
              other.getKey().key() + " and " + field.key() + " both map to column " + column);
        }
      }
      columns.put(field, column);
    }
    List<Field> missing = new ArrayList<>();
    for (Field field : Field.values()) {
      if (field.required() && !columns.containsKey(field)) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "missing required field" + (missing.size() > 1 ? "s " : " ") + keys(missing));
    }
    return new ColumnMapping(columns);
  }

  private static final String EXAMPLE =
      "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,fraud=IS_FRAUD";

  /** The column that holds {@code field}, if the mapping names one. */
  public Optional<String> column(Field field) {
    return Optional.ofNullable(columns.get(field));
  }

  /** Whether rows carry a fraud verdict, so a {@code Label} can be made from each. */
  public boolean hasLabels() {
    return columns.containsKey(Field.FRAUD);
  }

  /**
   * Where this mapping's columns are in a file with {@code headerLine}.
   *
   * @throws IllegalArgumentException when the header lacks a mapped column or has it twice
   */
  Located locate(String headerLine) {
    String[] names = headerLine.split(",", -1);
    Map<Field, Integer> index = new EnumMap<>(Field.class);
    for (Map.Entry<Field, String> entry : columns.entrySet()) {
      String column = entry.getValue();
      int found = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].trim().equalsIgnoreCase(column)) {
          if (found >= 0) {
            throw new IllegalArgumentException("the header has column " + column + " twice");
          }
          found = i;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException(
            "the header has no column "
                + column
                + " (for "
                + entry.getKey().key()
                + "); its columns are "
                + headerLine);
      }
      index.put(entry.getKey(), found);
    }
    return new Located(this, names.length, index);
  }

  /**
   * A mapping's columns found in a header.
   *
   * @param width how many cells each row has: the header's
   * @param index the cell of each mapped field
   */
  record Located(ColumnMapping mapping, int width, Map<Field, Integer> index) {
    Located {
      index = Collections.unmodifiableMap(new EnumMap<>(index));
    }

    boolean has(Field field) {
      return index.containsKey(field);
    }

    /** The header name of {@code field}'s column, for messages. */
    String name(Field field) {
      return mapping.columns.get(field);
    }

    /** {@code field}'s cell of a row with {@link #width} cells. */
    String cell(String[] cells, Field field) {
      return cells[index.get(field)];
    }
  }

  /** The mapping as {@link #parse} reads it, fields in their declared order. */
  @Override
  public String toString() {
    return columns.entrySet().stream()
        .map(e -> e.getKey().key() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ColumnMapping that && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  private static String keys(Field[] fields) {
    return keys(Arrays.asList(fields));
  }

  private static String keys(List<Field> fields) {
    return fields.stream().map(Field::key).collect(Collectors.joining(", "));
  }
}
