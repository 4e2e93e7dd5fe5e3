package io.riskstream.evaluation.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what a driver did to it, in order. Feature 0 of each vector carries its example's index,
 * so a score and a label can be matched to the example they belong to.
 */
final class SpyBaseline implements Baseline {

  sealed interface Call permits Learn, Advance, Score {}

  record Learn(int example, long eventTime) implements Call {}

  record Advance(long eventTime) implements Call {}

  record Score(int example) implements Call {}

  final List<Call> calls = new ArrayList<>();

  @Override
  public String name() {
    return "spy";
  }

  @Override
  public String description() {
    return "records its calls";
  }

  @Override
  public void learn(float[] features, boolean fraud, long eventTime) {
    calls.add(new Learn((int) features[0], eventTime));
  }

  @Override
  public void advanceTo(long eventTime) {
    calls.add(new Advance(eventTime));
  }

  @Override
  public double score(float[] features) {
    calls.add(new Score((int) features[0]));
    return 0;
  }
}
