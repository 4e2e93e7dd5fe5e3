package io.riskstream.evaluation.metrics;

/**
 * How one model version was used in a replay: how many transactions it scored, the event times of
 * the first and last of them, and the latest label event time its training had seen.
 *
 * @param trainedThrough epoch ms, or {@link VersionLog#NEVER_TRAINED} for a model that had seen no
 *     label (the platform's initial model)
 */
public record VersionUse(
    long version,
    long scores,
    long firstScoredEventTime,
    long lastScoredEventTime,
    long trainedThrough) {

  public boolean trained() {
    return trainedThrough != VersionLog.NEVER_TRAINED;
  }
}
