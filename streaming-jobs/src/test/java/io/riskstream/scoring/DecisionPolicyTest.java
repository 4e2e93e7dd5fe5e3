package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.schemas.Decision;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
  private final DecisionPolicy policy = new DecisionPolicy(0.5, 0.9);

  @Test
  void thresholdsAreInclusive() {
    assertThat(policy.decide(0.49)).isEqualTo(Decision.APPROVE);
    assertThat(policy.decide(0.5)).isEqualTo(Decision.REVIEW);
    assertThat(policy.decide(0.9)).isEqualTo(Decision.DECLINE);
  }

  @Test
  void rejectsThresholdsOutOfOrder() {
    assertThatThrownBy(() -> new DecisionPolicy(0.9, 0.5))
        .hasMessageContaining("review <= decline");
  }
}
