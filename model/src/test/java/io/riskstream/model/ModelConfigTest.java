package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelConfigTest {

  private static ModelConfig config(int featureDim, int historyLength, int window, int topK) {
    return new ModelConfig(
        featureDim, 3, 64, historyLength, window, topK, AttentionMode.SPARSE, 16, 4, 32, 2, 1);
  }

  @Test
  void defaultsAreTheDocumentedShape() {
    ModelConfig defaults = ModelConfig.defaults(12);
    assertThat(defaults)
        .isEqualTo(new ModelConfig(12, 3, 4096, 32, 4, 8, AttentionMode.SPARSE, 32, 4, 64, 4, 42L));
    assertThat(defaults.attendedEvents()).isEqualTo(12);
    assertThat(defaults.dense().attendedEvents()).isEqualTo(32);
  }

  @Test
  void withersChangeOnlyTheirFields() {
    ModelConfig base = ModelConfig.defaults(12);
    ModelConfig changed = base.withHistory(256, 8, 16).dense().withExperts(2).withSeed(7);
    assertThat(changed.historyLength()).isEqualTo(256);
    assertThat(changed.localWindow()).isEqualTo(8);
    assertThat(changed.topK()).isEqualTo(16);
    assertThat(changed.attention()).isEqualTo(AttentionMode.DENSE);
    assertThat(changed.experts()).isEqualTo(2);
    assertThat(changed.seed()).isEqualTo(7);
    assertThat(changed.withAttention(AttentionMode.SPARSE).withExperts(4).withSeed(42))
        .isEqualTo(base.withHistory(256, 8, 16));
  }

  @Test
  void withHistoryLengthKeepsTheWindowAndTopKWhereTheyFitAndShrinksThemWhereNot() {
    ModelConfig base = ModelConfig.defaults(12);

    assertThat(base.withHistoryLength(256)).isEqualTo(base.withHistory(256, 4, 8));
    assertThat(base.withHistoryLength(10)).isEqualTo(base.withHistory(10, 2, 8));
    assertThat(base.withHistoryLength(5)).isEqualTo(base.withHistory(5, 0, 5));
  }

  @Test
  void rejectsBadFieldsByName() {
    assertThatThrownBy(() -> config(0, 8, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("featureDim");
    assertThatThrownBy(() -> config(6, -1, 2, 3)).hasMessageContaining("historyLength");
    assertThatThrownBy(() -> config(6, 8, 2, 0)).hasMessageContaining("topK");
    assertThatThrownBy(() -> config(6, 8, -1, 3)).hasMessageContaining("localWindow");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withWidths(0, 4, 32))
        .hasMessageContaining("modelDim");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withWidths(16, 0, 32))
        .hasMessageContaining("heads");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withWidths(16, 4, 0))
        .hasMessageContaining("hiddenDim");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withExperts(0))
        .hasMessageContaining("experts");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withCategories(-1, 64))
        .hasMessageContaining("categorySlots");
    assertThatThrownBy(() -> ModelConfig.defaults(6).withAttention(null))
        .hasMessageContaining("attention");
  }

  @Test
  void rejectsWindowPlusTopKAboveHistoryLengthWhenSparse() {
    assertThatThrownBy(() -> config(6, 8, 2, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("localWindow + topK")
        .hasMessageContaining("historyLength");
    assertThat(config(6, 8, 2, 6).historyLength()).isEqualTo(8);
  }

  @Test
  void rejectsModelDimNotDivisibleByHeads() {
    assertThatThrownBy(() -> ModelConfig.defaults(6).withWidths(18, 4, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelDim")
        .hasMessageContaining("heads");
  }
}
