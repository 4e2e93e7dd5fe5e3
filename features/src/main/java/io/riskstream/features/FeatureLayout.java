package io.riskstream.features;

import java.util.List;

/**
 * The names and order of the feature vector that the scorer and the learner share. Every value is
 * scaled to roughly [-1, 10] so a neural net can use it without further normalisation: counts and
 * amounts go through {@code log1p}, the hour of day through sine and cosine.
 *
 * <ul>
 *   <li>{@code log_amount}: log1p(amount).
 *   <li>{@code hour_sin}, {@code hour_cos}: the UTC hour of day (with its fraction) on the unit
 *       circle, so 23:59 and 00:00 are neighbours.
 *   <li>{@code card_count_1h}, {@code card_sum_1h}, {@code card_mean_1h}: log1p of the card's
 *       transaction count, amount sum and mean amount over the last hour, current one included.
 *   <li>{@code card_count_24h}, {@code card_sum_24h}, {@code card_mean_24h}: the same over 24 h.
 *   <li>{@code terminal_distinct_cards_24h}: log1p of the distinct cards seen at the terminal in
 *       the last 24 h, current card included (a compromised or testing terminal sees many).
 *   <li>{@code amount_to_card_mean_24h}: log1p(amount / max(card mean over 24 h, 1)): how unusual
 *       the amount is for this card.
 * </ul>
 *
 * <p>Change {@link #ID} whenever names, order or scaling change: models trained on one layout must
 * not score another.
 */
public final class FeatureLayout {
  public static final String ID = "card-terminal-v1";

  public static final int LOG_AMOUNT = 0;
  public static final int HOUR_SIN = 1;
  public static final int HOUR_COS = 2;
  public static final int CARD_COUNT_1H = 3;
  public static final int CARD_SUM_1H = 4;
  public static final int CARD_MEAN_1H = 5;
  public static final int CARD_COUNT_24H = 6;
  public static final int CARD_SUM_24H = 7;
  public static final int CARD_MEAN_24H = 8;
  public static final int TERMINAL_DISTINCT_CARDS_24H = 9;
  public static final int AMOUNT_TO_CARD_MEAN_24H = 10;

  private static final List<String> NAMES =
      List.of(
          "log_amount",
          "hour_sin",
          "hour_cos",
          "card_count_1h",
          "card_sum_1h",
          "card_mean_1h",
          "card_count_24h",
          "card_sum_24h",
          "card_mean_24h",
          "terminal_distinct_cards_24h",
          "amount_to_card_mean_24h");

  private FeatureLayout() {}

  /** The feature names in vector order (immutable). */
  public static List<String> names() {
    return NAMES;
  }

  public static int size() {
    return NAMES.size();
  }
}
