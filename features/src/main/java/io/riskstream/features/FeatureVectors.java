package io.riskstream.features;

/** Builds the {@link FeatureLayout} vector from the raw window aggregates; pure functions. */
public final class FeatureVectors {
  private static final double DAY_MILLIS = 86_400_000.0;

  private FeatureVectors() {}

  /**
   * @param amount the transaction amount
   * @param eventTime epoch milliseconds UTC
   * @param count1h the card's transactions in the last hour, current one included
   * @param sum1h their amount sum
   * @param count24h the card's transactions in the last 24 h, current one included
   * @param sum24h their amount sum
   * @param terminalDistinctCards24h distinct cards at the terminal in the last 24 h (raw count)
   */
  public static float[] build(
      double amount,
      long eventTime,
      long count1h,
      double sum1h,
      long count24h,
      double sum24h,
      double terminalDistinctCards24h) {
    double a = Math.max(amount, 0.0); // the schema promises >= 0; guard log1p anyway
    double dayFraction = Math.floorMod(eventTime, (long) DAY_MILLIS) / DAY_MILLIS;
    double angle = 2 * Math.PI * dayFraction;
    double mean1h = count1h > 0 ? sum1h / count1h : 0.0;
    double mean24h = count24h > 0 ? sum24h / count24h : 0.0;

    float[] f = new float[FeatureLayout.size()];
    f[FeatureLayout.LOG_AMOUNT] = log1p(a);
    f[FeatureLayout.HOUR_SIN] = (float) Math.sin(angle);
    f[FeatureLayout.HOUR_COS] = (float) Math.cos(angle);
    f[FeatureLayout.CARD_COUNT_1H] = log1p(count1h);
    f[FeatureLayout.CARD_SUM_1H] = log1p(sum1h);
    f[FeatureLayout.CARD_MEAN_1H] = log1p(mean1h);
    f[FeatureLayout.CARD_COUNT_24H] = log1p(count24h);
    f[FeatureLayout.CARD_SUM_24H] = log1p(sum24h);
    f[FeatureLayout.CARD_MEAN_24H] = log1p(mean24h);
    f[FeatureLayout.TERMINAL_DISTINCT_CARDS_24H] = log1p(terminalDistinctCards24h);
    // max(mean, 1) keeps tiny means (and a first transaction) from exploding the ratio.
    f[FeatureLayout.AMOUNT_TO_CARD_MEAN_24H] = log1p(a / Math.max(mean24h, 1.0));
    return f;
  }

  private static float log1p(double x) {
    return (float) Math.log1p(Math.max(x, 0.0));
  }
}
