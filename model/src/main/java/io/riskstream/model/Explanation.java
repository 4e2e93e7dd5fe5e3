package io.riskstream.model;

import java.util.List;

/**
 * Why a transaction scored as it did, for reason codes on flagged scores.
 *
 * @param events the past events the attention read, strongest first: for sparse attention the local
 *     window and the gate's picks, never padding
 * @param features the current event's features with the largest gradient × input on the logit,
 *     strongest (by absolute value) first; positive values push towards fraud
 * @param expert the expert group the router chose
 */
public record Explanation(
    List<AttendedEvent> events, List<FeatureContribution> features, int expert) {

  /**
   * @param historyIndex index into the scored input's {@code history()} array
   * @param weight attention weight, averaged over heads; the weights of one score sum to 1
   */
  public record AttendedEvent(int historyIndex, float weight) {}

  /**
   * @param featureIndex index into the feature vector (names come from the feature spec)
   * @param contribution gradient of the logit times the feature's value
   */
  public record FeatureContribution(int featureIndex, float contribution) {}
}
