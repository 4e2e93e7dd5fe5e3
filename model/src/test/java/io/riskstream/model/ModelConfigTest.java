package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelConfigTest {

  @Test
  void defaultsAreTheDocumentedShape() {
    assertThat(ModelConfig.defaults(12)).isEqualTo(new ModelConfig(12, 32, 8, 32, 4, 64, 42L));
  }

  @Test
  void rejectsNonPositiveFieldsByName() {
    assertThatThrownBy(() -> new ModelConfig(0, 8, 3, 16, 4, 32, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("featureDim");
    assertThatThrownBy(() -> new ModelConfig(6, -1, 3, 16, 4, 32, 1))
        .hasMessageContaining("historyLength");
    assertThatThrownBy(() -> new ModelConfig(6, 8, 0, 16, 4, 32, 1)).hasMessageContaining("topK");
    assertThatThrownBy(() -> new ModelConfig(6, 8, 3, 0, 4, 32, 1))
        .hasMessageContaining("modelDim");
    assertThatThrownBy(() -> new ModelConfig(6, 8, 3, 16, 0, 32, 1)).hasMessageContaining("heads");
    assertThatThrownBy(() -> new ModelConfig(6, 8, 3, 16, 4, 0, 1))
        .hasMessageContaining("hiddenDim");
  }

  @Test
  void rejectsTopKAboveHistoryLength() {
    assertThatThrownBy(() -> new ModelConfig(6, 8, 9, 16, 4, 32, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topK")
        .hasMessageContaining("historyLength");
  }

  @Test
  void rejectsModelDimNotDivisibleByHeads() {
    assertThatThrownBy(() -> new ModelConfig(6, 8, 3, 18, 4, 32, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelDim")
        .hasMessageContaining("heads");
  }
}
