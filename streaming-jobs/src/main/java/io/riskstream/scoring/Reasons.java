package io.riskstream.scoring;

import io.riskstream.model.Explanation;
import io.riskstream.schemas.AttendedTransaction;
import io.riskstream.schemas.FeatureContribution;
import io.riskstream.schemas.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/** Turns a model explanation into the reason codes a flagged score carries. */
public final class Reasons {

  /** Feature contributions reported per flagged score. */
  public static final int TOP_FEATURES = 5;

  private Reasons() {}

  /**
   * @param historyIds transaction ids of the scored input's history, in the same order
   * @param featureNames names of the feature vector's positions
   */
  public static ReasonCodes of(
      Explanation explanation, String[] historyIds, List<String> featureNames) {
    List<AttendedTransaction> attended = new ArrayList<>();
    for (Explanation.AttendedEvent event : explanation.events()) {
      int i = event.historyIndex();
      String id = historyIds != null && i >= 0 && i < historyIds.length ? historyIds[i] : null;
      attended.add(new AttendedTransaction(id, event.weight()));
    }
    List<FeatureContribution> features = new ArrayList<>();
    for (Explanation.FeatureContribution c : explanation.features()) {
      features.add(new FeatureContribution(featureNames.get(c.featureIndex()), c.contribution()));
    }
    return new ReasonCodes(attended, features, explanation.expert());
  }
}
