package io.riskstream.evaluation.baseline;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.Arrays;
import moa.classifiers.meta.AdaptiveRandomForest;

/**
 * MOA's Adaptive Random Forest with its vote combined without NaN. MOA normalises each member's
 * vote by multiplying with {@code 1 / sum}; a naive-Bayes leaf far from its training data can vote
 * a denormal sum such as 3e-312, whose reciprocal overflows to infinity, so a zero entry becomes
 * {@code 0 * Infinity = NaN} and the whole ensemble's score NaN. This repeats MOA 2024.07's
 * combination (each member's normalised vote weighted by its accuracy so far) but divides by the
 * sum instead.
 */
final class SafeVotingForest extends AdaptiveRandomForest {
  private static final long serialVersionUID = 1L;

  @Override
  public double[] getVotesForInstance(Instance instance) {
    Instance testInstance = instance.copy();
    if (ensemble == null) {
      initEnsemble(testInstance);
    }
    double[] combined = new double[0];
    for (ARFBaseLearner member : ensemble) {
      double[] vote = member.getVotesForInstance(testInstance);
      double sum = 0;
      for (double value : vote) {
        sum += value;
      }
      if (!(sum > 0)) {
        continue;
      }
      double accuracy = member.evaluator.getPerformanceMeasurements()[1].getValue();
      double weight = !disableWeightedVote.isSet() && accuracy > 0 ? accuracy : 1;
      if (vote.length > combined.length) {
        combined = Arrays.copyOf(combined, vote.length);
      }
      for (int v = 0; v < vote.length; v++) {
        combined[v] += vote[v] / sum * weight;
      }
    }
    return combined;
  }
}
