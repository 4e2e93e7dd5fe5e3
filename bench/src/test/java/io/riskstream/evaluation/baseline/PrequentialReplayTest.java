package io.riskstream.evaluation.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.evaluation.Example;
import io.riskstream.evaluation.Scored;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrequentialReplayTest {

  private static final Duration DELAY = Duration.ofHours(30);

  @Test
  void noLabelReachesTheBaselineBeforeItsRelease() {
    List<Example> examples = irregularStream(3_000, 7);
    long scoreFrom = examples.get(1_000).eventTime();
    SpyBaseline spy = new SpyBaseline();

    PrequentialReplay.Result result = new PrequentialReplay(DELAY, scoreFrom).run(examples, spy);

    assertThat(violations(spy.calls, examples, DELAY)).isEmpty();
    long releasedByTheEnd =
        examples.stream()
            .filter(e -> e.eventTime() + DELAY.toMillis() <= examples.get(2_999).eventTime())
            .count();
    assertThat(result.learned()).isEqualTo(releasedByTheEnd).isGreaterThan(2_000);
  }

  @Test
  void theCheckCatchesLabelsReleasedAnHourEarly() {
    List<Example> examples = irregularStream(3_000, 7);
    SpyBaseline spy = new SpyBaseline();

    new PrequentialReplay(DELAY.minusHours(1), examples.get(1_000).eventTime()).run(examples, spy);

    assertThat(violations(spy.calls, examples, DELAY)).isNotEmpty();
  }

  @Test
  void withoutDelayALabelStillComesAfterItsOwnScore() {
    List<Example> examples = irregularStream(500, 11);
    SpyBaseline spy = new SpyBaseline();

    PrequentialReplay.Result result =
        new PrequentialReplay(Duration.ZERO, Long.MIN_VALUE).run(examples, spy);

    assertThat(violations(spy.calls, examples, Duration.ZERO)).isEmpty();
    // Each label is released at the next example, the last one never.
    assertThat(result.learned()).isEqualTo(499);
  }

  @Test
  void scoresFromScoreFromOnWithTheExamplesOwnFields() {
    List<Example> examples = irregularStream(2_000, 3);
    long scoreFrom = examples.get(1_200).eventTime();

    List<Scored> scored =
        new PrequentialReplay(DELAY, scoreFrom).run(examples, new Constant()).scored();

    List<Example> expected = examples.stream().filter(e -> e.eventTime() >= scoreFrom).toList();
    assertThat(scored).hasSameSizeAs(expected);
    for (int i = 0; i < scored.size(); i++) {
      Example example = expected.get(i);
      assertThat(scored.get(i))
          .isEqualTo(new Scored(example.cardId(), example.eventTime(), example.fraud(), 0.25));
    }
  }

  @Test
  void rejectsExamplesOutOfOrder() {
    List<Example> examples = new ArrayList<>(irregularStream(10, 5));
    examples.add(examples.get(0));

    assertThatThrownBy(() -> new PrequentialReplay(DELAY, 0).run(examples, new Constant()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event-time order");
  }

  /**
   * Every way the spy's calls break the protocol: a score while a label whose release time is still
   * ahead (or the scored example's own label) is known, a label missing at a score although it was
   * released, a label with the wrong event time, a score at the wrong time.
   */
  static List<String> violations(
      List<SpyBaseline.Call> calls, List<Example> examples, Duration delay) {
    List<String> violations = new ArrayList<>();
    Set<Integer> learned = new HashSet<>();
    long latestRelease = Long.MIN_VALUE;
    long now = Long.MIN_VALUE;
    for (SpyBaseline.Call call : calls) {
      if (call instanceof SpyBaseline.Learn learn) {
        Example example = examples.get(learn.example());
        if (learn.eventTime() != example.eventTime()) {
          violations.add("label " + learn.example() + " came with the wrong event time");
        }
        learned.add(learn.example());
        latestRelease = Math.max(latestRelease, example.eventTime() + delay.toMillis());
      } else if (call instanceof SpyBaseline.Advance advance) {
        if (advance.eventTime() < now) {
          violations.add("time went back to " + advance.eventTime());
        }
        now = advance.eventTime();
      } else if (call instanceof SpyBaseline.Score score) {
        Example example = examples.get(score.example());
        if (example.eventTime() != now) {
          violations.add("example " + score.example() + " scored at another time");
        }
        if (latestRelease > now) {
          violations.add("a label released at " + latestRelease + " was known at " + now);
        }
        if (learned.contains(score.example())) {
          violations.add("example " + score.example() + " scored after its own label");
        }
        for (int j = 0; j < score.example(); j++) {
          if (examples.get(j).eventTime() + delay.toMillis() <= now && !learned.contains(j)) {
            violations.add("label " + j + " released by " + now + " was still missing");
            break;
          }
        }
      }
    }
    return violations;
  }

  /** Time-sorted examples with random gaps (ties included); feature 0 is the example's index. */
  private static List<Example> irregularStream(int size, long seed) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>(size);
    long time = SyntheticStream.START;
    for (int i = 0; i < size; i++) {
      time += random.nextInt(4) == 0 ? 0 : random.nextInt(7_200_000);
      examples.add(
          new Example(
              "c" + i % 17, time, new float[] {i, random.nextFloat()}, random.nextInt(20) == 0));
    }
    return examples;
  }

  /** Scores everything 0.25. */
  private static final class Constant implements Baseline {
    @Override
    public String name() {
      return "constant";
    }

    @Override
    public String description() {
      return "0.25 for everything";
    }

    @Override
    public void learn(float[] features, boolean fraud, long eventTime) {}

    @Override
    public void advanceTo(long eventTime) {}

    @Override
    public double score(float[] features) {
      return 0.25;
    }
  }
}
