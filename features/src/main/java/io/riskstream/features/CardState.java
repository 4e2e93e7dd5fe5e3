package io.riskstream.features;

/** Everything the card stage keeps per card: its two windows and its recent feature vectors. */
public class CardState {
  /** 1 h window in 1-minute buckets: at most 61 buckets. */
  public SlidingWindowStats lastHour;

  /** 24 h window in 15-minute buckets: at most 97 buckets, ample resolution for a day. */
  public SlidingWindowStats lastDay;

  public FeatureHistory history;

  public CardState() {}

  public static CardState create(int historyLength) {
    CardState s = new CardState();
    s.lastHour = new SlidingWindowStats(Windows.HOUR, Windows.MINUTE);
    s.lastDay = new SlidingWindowStats(Windows.DAY, 15 * Windows.MINUTE);
    s.history = new FeatureHistory(historyLength);
    return s;
  }

  /**
   * Adds one transaction and returns its feature vector; the history is left to the caller, who
   * must read the previous vectors before appending this one.
   */
  public float[] observe(double amount, long eventTime, double terminalDistinctCards24h) {
    lastHour.add(eventTime, amount);
    lastDay.add(eventTime, amount);
    return FeatureVectors.build(
        amount,
        eventTime,
        lastHour.count(eventTime),
        lastHour.sum(eventTime),
        lastDay.count(eventTime),
        lastDay.sum(eventTime),
        terminalDistinctCards24h);
  }
}
