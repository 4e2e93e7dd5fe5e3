package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateGateTest {
  private static final float[] LABELS = {1, 0, 1, 0, 0, 1};
  private static final float[] GOOD = {0.9f, 0.1f, 0.8f, 0.2f, 0.3f, 0.7f};
  private static final UpdateGate GATE = new UpdateGate(new GateSettings(10, 100, 2, 0.05));

  @Test
  void acceptsACandidateThatRanksAsWell() {
    UpdateGate.Verdict verdict = GATE.judge(LABELS, GOOD, GOOD);

    assertThat(verdict.accepted()).isTrue();
    assertThat(verdict.candidateAp()).isEqualTo(1.0);
  }

  @Test
  void rejectsAFallInAveragePrecisionBeyondTheLimit() {
    float[] worse = {0.1f, 0.9f, 0.8f, 0.2f, 0.3f, 0.7f};

    UpdateGate.Verdict verdict = GATE.judge(LABELS, GOOD, worse);

    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.reason()).contains("1.0000 -> ").contains("a fall beyond 0.05");
  }

  @Test
  void rejectsNonFiniteScoresEvenWithoutEnoughFrauds() {
    UpdateGate strict = new UpdateGate(new GateSettings(10, 100, 50, 0.05));
    float[] poisoned = GOOD.clone();
    poisoned[3] = Float.NaN;

    assertThat(strict.judge(LABELS, GOOD, poisoned).accepted()).isFalse();
    assertThat(strict.judge(LABELS, GOOD, GOOD).reason()).contains("not judged");
  }

  @Test
  void rejectsAGroupWhoseWeightNormExplodes() {
    Map<String, Double> published = Map.of("head", 4.0, "gate", 0.2);

    assertThat(GATE.checkNorms(published, Map.of("head", 5.0, "gate", 1.4)).accepted())
        .as("head within 1.5x, gate small enough to move freely")
        .isTrue();
    UpdateGate.Verdict exploded = GATE.checkNorms(published, Map.of("head", 40.0, "gate", 0.2));
    assertThat(exploded.accepted()).isFalse();
    assertThat(exploded.reason())
        .isEqualTo("weight norm of group head grew from 4.000 to 40.000, beyond 1.50x");
    assertThat(GATE.checkNorms(published, Map.of("head", Double.NaN)).reason())
        .isEqualTo("weights of group head are not finite");
  }

  @Test
  void settingsNameWhatIsWrong() {
    assertThatThrownBy(() -> new GateSettings(1, 100, 2, 0.05))
        .hasMessageContaining("holdoutEvery");
    assertThatThrownBy(() -> new GateSettings(10, 100, 2, 2)).hasMessageContaining("maxApDrop");
    assertThatThrownBy(() -> new GateSettings(10, 100, 2, 0.05, 1.0))
        .hasMessageContaining("maxNormGrowth");
  }
}
