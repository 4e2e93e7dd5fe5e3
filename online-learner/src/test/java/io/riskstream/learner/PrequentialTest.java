package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.learner.challenger.ChallengerSettings;
import io.riskstream.learner.challenger.FtrlParams;
import io.riskstream.learner.drift.DriftSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrequentialTest {

  @Test
  void aChallengerThatRanksBetterTakesTheLeadOnce() {
    Prequential watch =
        new Prequential(
            DriftSettings.disabled(), ChallengerSettings.promotable(FtrlParams.defaults()), 2);
    Random random = new Random(7);
    int leadChanges = 0;
    int promotions = 0;
    for (int batch = 0; batch < 40; batch++) {
      List<float[]> features = new ArrayList<>();
      float[] labels = new float[50];
      float[] champion = new float[50];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = random.nextDouble() < 0.1 ? 1 : 0;
        // Feature 0 tells fraud apart; the champion guesses.
        features.add(new float[] {labels[i] * 2 - 1 + (float) random.nextGaussian() * 0.3f, 0});
        champion[i] = random.nextFloat();
      }
      Prequential.Outcome outcome = watch.observe(features, labels, champion);
      leadChanges += outcome.leaderChanged() ? 1 : 0;
      promotions += outcome.decidesChanged() ? 1 : 0;
    }

    assertThat(watch.challengerLeads()).isTrue();
    assertThat(leadChanges).isEqualTo(1);
    assertThat(watch.challengerDecides())
        .as("promoted: it wins by far more than the margin")
        .isTrue();
    assertThat(promotions).isEqualTo(1);
    assertThat(watch.challengerModel().numFeatures()).isEqualTo(2);
    assertThat(watch.figures().get("challenger_ap")).isGreaterThan(0.8);
    assertThat(watch.figures().get("prequential_ap")).isLessThan(0.3);
    assertThat(watch.figures().get("prequential_window")).isEqualTo(2_000.0);
  }

  @Test
  void reportsNothingToRankByWithoutEnoughFrauds() {
    Prequential watch = new Prequential(DriftSettings.disabled(), null, 2);
    watch.observe(List.of(new float[] {1, 0}), new float[] {1}, new float[] {0.9f});

    assertThat(watch.figures()).containsOnlyKeys("prequential_window");
  }
}
