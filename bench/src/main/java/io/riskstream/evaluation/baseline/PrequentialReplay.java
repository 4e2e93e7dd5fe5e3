package io.riskstream.evaluation.baseline;

import io.riskstream.evaluation.Example;
import io.riskstream.evaluation.Scored;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the examples through one baseline in event time, as the platform lived them: a label
 * reaches the baseline only once its delay has passed, and each transaction from {@code scoreFrom}
 * on is scored before its own label is known. Earlier transactions only supply labels, the training
 * history a deployed model would have had.
 */
public final class PrequentialReplay {

  private final long delayMillis;
  private final long scoreFrom;

  /**
   * @param labelDelay how long after its transaction a label becomes known; zero releases a label
   *     right after its transaction is scored
   * @param scoreFrom the event time (epoch ms) from which transactions are scored
   */
  public PrequentialReplay(Duration labelDelay, long scoreFrom) {
    if (labelDelay == null || labelDelay.isNegative()) {
      throw new IllegalArgumentException("the label delay must be >= 0, got " + labelDelay);
    }
    this.delayMillis = labelDelay.toMillis();
    this.scoreFrom = scoreFrom;
  }

  /**
   * What one baseline scored, and how long its replay took.
   *
   * @param scored the transactions from {@code scoreFrom} on, in event-time order
   * @param learned how many labels were released to it
   * @param seconds the wall-clock time of the replay, learning and scoring together
   */
  public record Result(String baseline, List<Scored> scored, int learned, double seconds) {}

  /**
   * Drives the baseline through the examples, which must be in event-time order.
   *
   * @throws IllegalArgumentException if an example is earlier than the one before it
   */
  public Result run(List<Example> examples, Baseline baseline) {
    long start = System.nanoTime();
    List<Scored> scored = new ArrayList<>();
    // The delay is the same for every label, so labels are released in the examples' own order:
    // everything before `released` has been learned.
    int released = 0;
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < examples.size(); i++) {
      Example example = examples.get(i);
      long now = example.eventTime();
      if (now < previous) {
        throw new IllegalArgumentException(
            "examples must be in event-time order: example " + i + " is earlier than the last");
      }
      previous = now;
      // Only examples before this one: with a zero delay a label still comes after its score.
      while (released < i && examples.get(released).eventTime() + delayMillis <= now) {
        Example labelled = examples.get(released++);
        baseline.learn(labelled.features(), labelled.fraud(), labelled.eventTime());
      }
      baseline.advanceTo(now);
      if (now >= scoreFrom) {
        scored.add(
            new Scored(example.cardId(), now, example.fraud(), baseline.score(example.features())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(baseline.name(), scored, released, seconds);
  }
}
