package io.riskstream.scoring;

import io.riskstream.schemas.Decision;
import java.io.Serializable;

/**
 * Turns a fraud probability into a decision: decline at or above one threshold, review above
 * another.
 */
public record DecisionPolicy(double reviewThreshold, double declineThreshold)
    implements Serializable {

  public DecisionPolicy {
    if (!(0 <= reviewThreshold && reviewThreshold <= declineThreshold && declineThreshold <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 <= review <= decline <= 1, were review="
              + reviewThreshold
              + " decline="
              + declineThreshold);
    }
  }

  public static DecisionPolicy defaults() {
    return new DecisionPolicy(0.5, 0.9);
  }

  public Decision decide(double score) {
    if (score >= declineThreshold) {
      return Decision.DECLINE;
    }
    return score >= reviewThreshold ? Decision.REVIEW : Decision.APPROVE;
  }
}
