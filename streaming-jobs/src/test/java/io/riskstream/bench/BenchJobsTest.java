package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchJobsTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(BenchJobs.OVERRIDES_PROPERTY);
  }

  @Test
  void noOverridesByDefault() {
    assertThat(BenchJobs.experimentOverrides().toMap()).isEmpty();
  }

  @Test
  void overridesAreCommaSeparatedKeyValuePairs() {
    System.setProperty(
        BenchJobs.OVERRIDES_PROPERTY,
        "state.backend.type=hashmap, execution.buffer-timeout.interval=5ms");
    assertThat(BenchJobs.experimentOverrides().toMap())
        .containsEntry("state.backend.type", "hashmap")
        .containsEntry("execution.buffer-timeout.interval", "5ms")
        .hasSize(2);
  }

  @Test
  void aPairWithoutValueIsRefused() {
    System.setProperty(BenchJobs.OVERRIDES_PROPERTY, "state.backend.type");
    assertThatThrownBy(BenchJobs::experimentOverrides).isInstanceOf(IllegalArgumentException.class);
  }
}
