package io.riskstream.features.spec;

/** What a window feature reports about the amounts of an entity's transactions in the window. */
public enum Aggregate {
  COUNT,
  SUM,
  MEAN,
  /** Sample standard deviation (n - 1), 0 for fewer than two transactions. */
  STD,
  MAX;

  /** This aggregate of a window's pre-aggregated totals; 0 for an empty window. */
  public double of(WindowTotals totals) {
    long n = totals.count();
    return switch (this) {
      case COUNT -> n;
      case SUM -> totals.sum();
      case MEAN -> n == 0 ? 0 : totals.sum() / n;
      case STD ->
          n < 2
              ? 0
              : Math.sqrt(
                  Math.max(0, (totals.sumSq() - totals.sum() * totals.sum() / n) / (n - 1)));
      case MAX -> n == 0 ? 0 : totals.max();
    };
  }
}
