package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parts of the architecture beyond plain scoring: window, gate, dense mode, experts, ids. */
class HybridAttentionTest {

  private static final ModelConfig CONFIG = TestData.SMALL; // L = 8, w = 2, k = 3, 2 experts
  private static final int F = CONFIG.featureDim();
  private static FraudModel model;

  @BeforeAll
  static void createModel() {
    model = FraudModel.create(CONFIG);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void theNewestEventsAreAlwaysAttendedAndTheGatePicksTheRest() {
    Random random = new Random(41);
    for (int n : new int[] {1, 2, 4, 8, 20}) {
      ScoringInput input = TestData.input(random, F, n);
      int[] attended = model.forward(List.of(input)).attended()[0];
      int used = Math.min(n, CONFIG.historyLength());
      int expected = Math.min(used, CONFIG.localWindow() + CONFIG.topK());
      assertThat(attended).as("history of %d", n).hasSize(expected);
      // The local window: the w newest indices are always there.
      for (int i = Math.max(0, n - CONFIG.localWindow()); i < n; i++) {
        assertThat(attended).contains(i);
      }
      // Nothing older than the model's history length is ever read.
      assertThat(Arrays.stream(attended).boxed()).allMatch(i -> i >= n - used && i < n);
    }
  }

  @Test
  void denseModeAttendsOverEveryEventFromTheSameCode() {
    try (FraudModel dense = FraudModel.create(CONFIG.dense())) {
      assertThat(dense.groups()).isEqualTo(model.groups());
      ScoringInput input = TestData.input(new Random(42), F, 6);
      assertThat(dense.forward(List.of(input)).attended()[0]).containsExactly(0, 1, 2, 3, 4, 5);
      ScoringInput longer = TestData.input(new Random(42), F, 30);
      assertThat(dense.forward(List.of(longer)).attended()[0])
          .containsExactly(IntStream.range(22, 30).toArray());
    }
  }

  @Test
  void eachTransactionRunsThroughOneExpertOnly() {
    List<ScoringInput> batch = TestData.batch(new Random(43), F, 64, 10);
    FraudModel.Forward before = model.forward(batch);
    Set<Integer> used = new java.util.TreeSet<>();
    Arrays.stream(before.experts()).forEach(used::add);
    assertThat(used).isNotEmpty().allMatch(e -> e >= 0 && e < CONFIG.experts());

    try (FraudModel changed = FraudModel.create(CONFIG)) {
      // Scramble expert 1: rows routed to expert 0 must not notice.
      changed.importGroup(
          ParameterGroups.expert(1),
          TestData.export(
              trainedCopy(ParameterGroups.expert(1), batch), ParameterGroups.expert(1)));
      float[] after = changed.forward(batch).logits();
      int unchanged = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (before.experts()[i] == 0) {
          assertThat(after[i]).isEqualTo(before.logits()[i]);
          unchanged++;
        } else {
          assertThat(after[i]).isNotEqualTo(before.logits()[i]);
        }
      }
      assertThat(unchanged).isBetween(1, batch.size() - 1); // both experts saw traffic
    }
  }

  @Test
  void aStepChangesOnlyTheExpertsItsExamplesWereRoutedTo() {
    try (FraudModel fresh = FraudModel.create(CONFIG);
        OnlineTrainer trainer =
            new OnlineTrainer(fresh, List.of(ParameterGroups.EXPERTS), 0.05f, 1f)) {
      assertThat(trainer.trainableGroups())
          .containsExactly(ParameterGroups.expert(0), ParameterGroups.expert(1));
      List<ScoringInput> all = TestData.batch(new Random(44), F, 64, 10);
      int[] experts = fresh.forward(all).experts();
      List<ScoringInput> onlyZero = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (experts[i] == 0) {
          onlyZero.add(all.get(i));
        }
      }
      byte[] expertOne = TestData.export(fresh, ParameterGroups.expert(1));
      byte[] expertZero = TestData.export(fresh, ParameterGroups.expert(0));
      trainer.step(onlyZero, TestData.plantedLabels(onlyZero));
      assertThat(trainer.lastChangedGroups()).containsExactly(ParameterGroups.expert(0));
      assertThat(TestData.export(fresh, ParameterGroups.expert(1))).isEqualTo(expertOne);
      assertThat(TestData.export(fresh, ParameterGroups.expert(0))).isNotEqualTo(expertZero);
    }
  }

  @Test
  void categoricalIdsChangeTheScoreAndMissingOnesAreAccepted() {
    ScoringInput input = TestData.input(new Random(45), F, 5);
    ScoringInput otherTerminal =
        new ScoringInput(
            input.current(), input.history(), new int[] {CategoryIds.hash("elsewhere"), 0});
    ScoringInput noIds = new ScoringInput(input.current(), input.history());
    float[] scores = model.score(List.of(input, otherTerminal, noIds));
    assertThat(scores[1]).isNotEqualTo(scores[0]);
    assertThat(scores[2]).isBetween(0f, 1f);
    assertThat(model.score(List.of(noIds))[0]).isEqualTo(scores[2]);
  }

  @Test
  void explanationsNameTheAttendedEventsAndFeatureContributions() {
    List<ScoringInput> batch = TestData.batch(new Random(46), F, 6, 12);
    List<Explanation> explanations = model.explain(batch, 3);
    FraudModel.Forward forward = model.forward(batch);
    assertThat(explanations).hasSize(batch.size());
    for (int b = 0; b < batch.size(); b++) {
      Explanation e = explanations.get(b);
      int[] indices =
          e.events().stream().mapToInt(Explanation.AttendedEvent::historyIndex).toArray();
      assertThat(indices).containsExactlyInAnyOrder(forward.attended()[b]);
      if (!e.events().isEmpty()) {
        double sum = e.events().stream().mapToDouble(Explanation.AttendedEvent::weight).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        assertThat(e.events()).isSortedAccordingTo((x, y) -> Float.compare(y.weight(), x.weight()));
      }
      assertThat(e.features()).hasSize(3);
      assertThat(e.expert()).isEqualTo(forward.experts()[b]);
    }
  }

  @Test
  void featureContributionsAreGradientTimesInput() {
    ScoringInput input = TestData.input(new Random(47), F, 5);
    Explanation.FeatureContribution strongest =
        model.explain(List.of(input), 1).get(0).features().get(0);
    int f = strongest.featureIndex();
    float eps = 1e-3f;
    float[] up = input.current().clone();
    up[f] += eps;
    float[] down = input.current().clone();
    down[f] -= eps;
    float slope =
        (logit(new ScoringInput(up, input.history(), input.categories()))
                - logit(new ScoringInput(down, input.history(), input.categories())))
            / (2 * eps);
    assertThat(strongest.contribution())
        .isCloseTo(
            slope * input.current()[f], within(1e-2f + 0.05f * Math.abs(strongest.contribution())));
  }

  private static float logit(ScoringInput input) {
    return model.forward(List.of(input)).logits()[0];
  }

  /** A model whose {@code group} was trained away from the initial weights. */
  private static FraudModel trainedCopy(String group, List<ScoringInput> batch) {
    FraudModel copy = FraudModel.create(CONFIG);
    float[] labels = TestData.plantedLabels(batch);
    try (OnlineTrainer trainer = new OnlineTrainer(copy, List.of(group), 0.05f, 1f)) {
      for (int i = 0; i < 5; i++) {
        trainer.step(batch, labels);
      }
    }
    return copy;
  }
}
