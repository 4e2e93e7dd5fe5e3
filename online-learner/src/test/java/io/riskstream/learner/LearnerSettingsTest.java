package io.riskstream.learner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerSettingsTest {
  @Test
  void rejectsSettingsThatCannotTrain() {
    assertThatThrownBy(
            () -> new LearnerSettings("m", List.of(), 1, Duration.ofSeconds(1), 1, 0.1f, 1f))
        .hasMessageContaining("trainableGroups");
    assertThatThrownBy(
            () -> new LearnerSettings("m", List.of("head"), 0, Duration.ofSeconds(1), 1, 0.1f, 1f))
        .hasMessageContaining("batchSize");
    assertThatThrownBy(
            () ->
                new LearnerSettings(
                    "m", List.of("head"), 1, Duration.ofSeconds(1), 1, Float.NaN, 1f))
        .hasMessageContaining("learningRate");
  }
}
