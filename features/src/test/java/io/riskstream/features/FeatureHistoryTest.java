package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureHistoryTest {
  @Test
  void keepsTheLastCapacityVectorsOldestFirst() {
    FeatureHistory h = new FeatureHistory(3);
    assertThat(h.oldestFirst()).isEmpty();
    for (int i = 1; i <= 5; i++) {
      h.append("t" + i, new float[] {i});
    }
    assertThat(h.oldestFirst()).isDeepEqualTo(new float[][] {{3}, {4}, {5}});
    assertThat(h.idsOldestFirst()).containsExactly("t3", "t4", "t5");
  }

  @Test
  void zeroCapacityKeepsNothing() {
    FeatureHistory h = new FeatureHistory(0);
    h.append("t", new float[] {1});
    assertThat(h.oldestFirst()).isEmpty();
  }

  @Test
  void returnsCopies() {
    FeatureHistory h = new FeatureHistory(2);
    float[] v = {1};
    h.append("t", v);
    v[0] = 9;
    h.oldestFirst()[0][0] = 7;
    assertThat(h.oldestFirst()[0]).containsExactly(1f);
  }
}
