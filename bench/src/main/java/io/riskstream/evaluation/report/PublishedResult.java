package io.riskstream.evaluation.report;

import java.util.List;

/**
 * A published result to compare with: numbers reported elsewhere, on that work's own split of the
 * data, not measured by this replay.
 *
 * @param source where the numbers come from and on what split
 */
public record PublishedResult(String name, String source, double auc, double ap, double cp100) {

  private static final String CH3 =
      "handbook ch.3 (train 2018-07-25..31, 7-day delay, test 2018-08-08..14)";
  private static final String CH5 = "handbook ch.5 (prequential model selection, tuned; test)";
  private static final String CH7 = "handbook ch.7 (deep learning; test)";

  /**
   * The test-set AUC ROC, average precision and CP@100 of Le Borgne et al., "Reproducible Machine
   * Learning for Credit Card Fraud Detection - Practical Handbook" (2022), on its simulated
   * dataset.
   */
  public static List<PublishedResult> handbook() {
    return List.of(
        new PublishedResult("logistic regression", CH3, 0.871, 0.606, 0.291),
        new PublishedResult("decision tree, depth 2", CH3, 0.763, 0.496, 0.241),
        new PublishedResult("decision tree, unlimited depth", CH3, 0.788, 0.309, 0.243),
        new PublishedResult("random forest", CH3, 0.867, 0.658, 0.287),
        new PublishedResult("XGBoost", CH3, 0.862, 0.639, 0.273),
        new PublishedResult("logistic regression", CH5, 0.868, 0.623, 0.297),
        new PublishedResult("decision tree", CH5, 0.797, 0.579, 0.284),
        new PublishedResult("random forest", CH5, 0.870, 0.678, 0.299),
        new PublishedResult("XGBoost", CH5, 0.869, 0.687, 0.303),
        new PublishedResult("feed-forward neural network", CH7, 0.876, 0.675, 0.303),
        new PublishedResult("LSTM", CH7, 0.876, 0.665, 0.297),
        new PublishedResult("LSTM with attention", CH7, 0.874, 0.667, 0.295));
  }
}
