package io.riskstream.evaluation;

/**
 * One transaction of the evaluated window as the platform handled it: what the replay published,
 * the committed score read back, and the feature snapshot that was scored. Filled in by the
 * replay's producer and reader under the replay's lock, read only after the replay ends.
 */
public final class Observed {
  public final String transactionId;
  public final String cardId;
  public final long eventTime;
  public final boolean fraud;

  /** Wall-clock ms when the transaction was handed to the producer. */
  public long producedAt;

  public boolean scored;
  public double score;
  public double challengerScore = Double.NaN;
  public long modelVersion;
  public long modelTrainedThrough;

  /** Wall-clock ms when the scorer scored it (Score.scoredAt). */
  public long scoredAt;

  /** Wall-clock ms when a read_committed consumer saw its score. */
  public long committedAt;

  /** The current transaction's feature vector as scored; null until its snapshot is read. */
  public float[] features;

  /** The initial model's score of the same snapshot (learner off); NaN until computed. */
  public double staticScore = Double.NaN;

  public Observed(String transactionId, String cardId, long eventTime, boolean fraud) {
    this.transactionId = transactionId;
    this.cardId = cardId;
    this.eventTime = eventTime;
    this.fraud = fraud;
  }

  /** Whether both its score and its snapshot have been read. */
  public boolean complete() {
    return scored && features != null && !Double.isNaN(staticScore);
  }
}
