package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FraudModelTest {

  private static final int F = TestData.SMALL.featureDim();
  private static FraudModel model;

  @BeforeAll
  static void createModel() {
    model = FraudModel.create(TestData.SMALL);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void sameConfigGivesIdenticalScoresAndOtherSeedDiffers() {
    List<ScoringInput> batch = TestData.batch(new Random(1), F, 8, 12);
    float[] expected = model.score(batch);
    try (FraudModel twin = FraudModel.create(TestData.SMALL);
        FraudModel other = FraudModel.create(TestData.SMALL.withSeed(TestData.SMALL.seed() + 1))) {
      assertThat(twin.score(batch)).containsExactly(expected);
      assertThat(other.score(batch)).isNotEqualTo(expected);
      assertThat(TestData.export(twin, ParameterGroups.HEAD))
          .isEqualTo(TestData.export(model, ParameterGroups.HEAD));
    }
  }

  @Test
  void initialWeightsDoNotDependOnTheCreatingThread() throws Exception {
    byte[][] fromOtherThread = new byte[TestData.GROUPS.size()][];
    Thread thread =
        new Thread(
            () -> {
              try (FraudModel twin = FraudModel.create(TestData.SMALL)) {
                for (int g = 0; g < fromOtherThread.length; g++) {
                  fromOtherThread[g] = TestData.export(twin, TestData.GROUPS.get(g));
                }
              }
            });
    thread.start();
    thread.join();
    for (int g = 0; g < fromOtherThread.length; g++) {
      assertThat(fromOtherThread[g]).isEqualTo(TestData.export(model, TestData.GROUPS.get(g)));
    }
  }

  @Test
  void scoresAreProbabilities() {
    float[] scores = model.score(TestData.batch(new Random(2), F, 32, 20));
    assertThat(scores).hasSize(32);
    for (float s : scores) {
      assertThat(s).isGreaterThan(0f).isLessThan(1f);
    }
    assertThat(model.score(List.of())).isEmpty();
    assertThat(model.groups()).isEqualTo(TestData.GROUPS);
  }

  @Test
  void scoreDoesNotDependOnBatchComposition() {
    List<ScoringInput> batch = TestData.batch(new Random(3), F, 16, 12);
    float[] together = model.score(batch);
    for (int i = 0; i < batch.size(); i++) {
      assertThat(model.score(List.of(batch.get(i)))[0]).isCloseTo(together[i], within(1e-5f));
    }
    float[] reversed = model.score(List.of(batch.get(1), batch.get(0)));
    assertThat(reversed[0]).isCloseTo(together[1], within(1e-5f));
  }

  @Test
  void emptyAndOverlongHistoriesWork() {
    Random random = new Random(4);
    ScoringInput empty = new ScoringInput(TestData.vector(random, F), new float[0][]);
    ScoringInput none = new ScoringInput(empty.current(), null);
    float[] scores = model.score(List.of(empty, none, TestData.input(random, F, 50)));
    assertThat(scores[0]).isGreaterThan(0f).isLessThan(1f).isEqualTo(scores[1]);
    assertThat(scores[2]).isGreaterThan(0f).isLessThan(1f);
  }

  @Test
  void onlyTheNewestHistoryLengthEventsMatter() {
    ScoringInput input = TestData.input(new Random(5), F, 20);
    float before = model.score(List.of(input))[0];
    float[][] history = input.history().clone();
    history[0] = new float[F];
    Arrays.fill(history[0], 9f); // oldest of 20 with L = 8: outside the window
    float after =
        model.score(List.of(new ScoringInput(input.current(), history, input.categories())))[0];
    assertThat(after).isEqualTo(before);
  }

  @Test
  void rejectsWrongVectorLengths() {
    Random random = new Random(6);
    ScoringInput shortCurrent = new ScoringInput(new float[F - 1], new float[0][]);
    ScoringInput shortHistory =
        new ScoringInput(TestData.vector(random, F), new float[][] {new float[F + 1]});
    assertThatThrownBy(() -> model.score(List.of(shortCurrent)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
    assertThatThrownBy(() -> model.score(List.of(shortHistory)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history[0]");
  }

  @Test
  void topKKeepsOnlyRealEventsWhenHistoryIsShort() {
    ScoringInput input = TestData.input(new Random(7), F, 2); // fewer than k = 3
    assertThat(model.forward(List.of(input)).attended()[0]).containsExactly(0, 1);
    ScoringInput none = TestData.input(new Random(7), F, 0);
    assertThat(model.forward(List.of(none)).attended()[0]).isEmpty();
  }

  @Test
  void eventsOutsideTheTopKDoNotInfluenceTheScore() {
    ScoringInput input = TestData.input(new Random(8), F, 8);
    FraudModel.Forward base = model.forward(List.of(input));
    int[] kept = base.attended()[0];
    assertThat(kept).hasSize(5).contains(6, 7); // k = 3 picked plus the w = 2 newest

    // Nudge each dropped event; any nudge that keeps it dropped must leave the score unchanged.
    int unchangedChecks = 0;
    for (int i = 0; i < 8; i++) {
      if (Arrays.binarySearch(kept, i) >= 0) {
        continue;
      }
      ScoringInput nudged = withHistoryEvent(input, i, 0.01f);
      FraudModel.Forward after = model.forward(List.of(nudged));
      if (Arrays.equals(after.attended()[0], kept)) {
        assertThat(after.logits()[0]).isEqualTo(base.logits()[0]);
        unchangedChecks++;
      }
    }
    assertThat(unchangedChecks).isGreaterThan(0);

    // The same nudge on a kept event moves the score.
    ScoringInput nudgedKept = withHistoryEvent(input, kept[0], 0.01f);
    assertThat(model.forward(List.of(nudgedKept)).logits()[0]).isNotEqualTo(base.logits()[0]);
  }

  private static ScoringInput withHistoryEvent(ScoringInput input, int index, float delta) {
    float[][] history = input.history().clone();
    history[index] = history[index].clone();
    for (int f = 0; f < history[index].length; f++) {
      history[index][f] += delta;
    }
    return new ScoringInput(input.current(), history, input.categories());
  }
}
