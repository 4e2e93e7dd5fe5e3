package io.riskstream.features.spec;

/** Totals of the transactions in one window: all that the aggregates need. */
public record WindowTotals(long count, double sum, double sumSq, double max, long frauds) {
  public static final WindowTotals EMPTY = new WindowTotals(0, 0, 0, 0, 0);
}
