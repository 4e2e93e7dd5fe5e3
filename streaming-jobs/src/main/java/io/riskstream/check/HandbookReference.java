package io.riskstream.check;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The fraud-detection handbook's reference features (its {@code simulated-data-transformed} set):
 * for each transaction, the 15 baseline feature values in {@link FeatureSpecs#HANDBOOK} order.
 */
public final class HandbookReference {
  private static final DateTimeFormatter TX_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Handbook column → RiskStream feature name. */
  static final Map<String, String> COLUMNS = columns();

  private final Map<String, double[]> rows;
  private final Map<String, List<String>> simultaneous;
  private final long firstEventTime;
  private final long lastEventTime;

  private HandbookReference(
      Map<String, double[]> rows, Map<String, List<String>> simultaneous, long first, long last) {
    this.rows = rows;
    this.simultaneous = simultaneous;
    this.firstEventTime = first;
    this.lastEventTime = last;
  }

  /** Loads the rows whose TX_DATETIME is before {@code until} (epoch ms; Long.MAX_VALUE: all). */
  public static HandbookReference load(Path file, long until) throws IOException {
    FeatureSpec spec = FeatureSpecs.HANDBOOK;
    try (BufferedReader in = open(file)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + " is empty");
      }
      List<String> names = List.of(header.split(","));
      int id = column(names, "TRANSACTION_ID", file);
      int time = column(names, "TX_DATETIME", file);
      int customer = column(names, "CUSTOMER_ID", file);
      int[] sources = new int[spec.size()];
      for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
        sources[spec.indexOf(column.getValue())] = column(names, column.getKey(), file);
      }
      Map<String, double[]> rows = new HashMap<>();
      Map<String, List<String>> byCardAndTime = new HashMap<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      String line;
      while ((line = in.readLine()) != null) {
        String[] cells = line.split(",", -1);
        long eventTime = epochMillis(cells[time]);
        if (eventTime >= until) {
          continue;
        }
        double[] values = new double[spec.size()];
        for (int f = 0; f < values.length; f++) {
          values[f] = Double.parseDouble(cells[sources[f]]);
        }
        rows.put(cells[id], values);
        byCardAndTime
            .computeIfAbsent(cells[customer] + "@" + cells[time], k -> new ArrayList<>())
            .add(cells[id]);
        first = Math.min(first, eventTime);
        last = Math.max(last, eventTime);
      }
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(file + " has no rows before the --until time");
      }
      byCardAndTime.values().removeIf(ids -> ids.size() < 2);
      return new HandbookReference(rows, byCardAndTime, first, last);
    }
  }

  public Map<String, double[]> rows() {
    return rows;
  }

  /**
   * Groups of transactions of one card at the same second. Their order is undefined in the
   * reference: the handbook sorts each customer's rows with pandas' default quicksort, which is not
   * stable, so simultaneous rows see each other in an arbitrary order.
   */
  public Map<String, List<String>> simultaneous() {
    return simultaneous;
  }

  public long firstEventTime() {
    return firstEventTime;
  }

  public long lastEventTime() {
    return lastEventTime;
  }

  static long epochMillis(String txDatetime) {
    return LocalDateTime.parse(txDatetime, TX_DATETIME).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static int column(List<String> names, String name, Path file) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(file + " has no column " + name);
    }
    return index;
  }

  private static BufferedReader open(Path file) throws IOException {
    var in = Files.newInputStream(file);
    return new BufferedReader(
        new InputStreamReader(
            file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in,
            StandardCharsets.UTF_8));
  }

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("TX_AMOUNT", "amount");
    columns.put("TX_DURING_WEEKEND", "during_weekend");
    columns.put("TX_DURING_NIGHT", "during_night");
    for (int days : new int[] {1, 7, 30}) {
      columns.put("CUSTOMER_ID_NB_TX_" + days + "DAY_WINDOW", "card_count_" + days + "d");
      columns.put("CUSTOMER_ID_AVG_AMOUNT_" + days + "DAY_WINDOW", "card_mean_" + days + "d");
      columns.put(
          "TERMINAL_ID_NB_TX_" + days + "DAY_WINDOW", "terminal_count_" + days + "d_delay_7d");
      columns.put(
          "TERMINAL_ID_RISK_" + days + "DAY_WINDOW", "terminal_fraud_rate_" + days + "d_delay_7d");
    }
    return columns;
  }
}
