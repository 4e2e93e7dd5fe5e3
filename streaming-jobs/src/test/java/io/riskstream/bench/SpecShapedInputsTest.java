package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.ScoringInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecShapedInputsTest {

  @Test
  void historiesAreFullAndVectorsHaveTheSpecsWidth() {
    List<ScoringInput> batch = new SpecShapedInputs(FeatureSpecs.HANDBOOK, 3).batch(5, 40);

    assertThat(batch).hasSize(5);
    for (ScoringInput input : batch) {
      assertThat(input.current()).hasSize(15);
      assertThat(input.history()).hasDimensions(40, 15);
      assertThat(input.categories()).hasSize(3).doesNotContain(0);
    }
  }

  @Test
  void valuesLookLikeTheHandbooksScaledFeatures() {
    FeatureSpec spec = FeatureSpecs.HANDBOOK;
    List<ScoringInput> batch = new SpecShapedInputs(spec, 4).batch(200, 1);
    int weekend = spec.indexOf("during_weekend");
    int amount = spec.indexOf("amount");
    for (ScoringInput input : batch) {
      float[] v = input.current();
      for (float x : v) {
        assertThat(x).isFinite().isGreaterThanOrEqualTo(0f);
      }
      assertThat(v[weekend]).isIn(0f, 1f);
      // log1p of amounts from cents to tens of thousands.
      assertThat(v[amount]).isBetween(0f, 12f);
    }
    double meanAmount =
        batch.stream().mapToDouble(i -> i.current()[amount]).average().orElseThrow();
    assertThat(meanAmount).isBetween(2.5, 4.5);
  }

  @Test
  void aSeedGivesTheSameInputs() {
    ScoringInput a = new SpecShapedInputs(FeatureSpecs.DEFAULT, 9).batch(1, 3).get(0);
    ScoringInput b = new SpecShapedInputs(FeatureSpecs.DEFAULT, 9).batch(1, 3).get(0);
    assertThat(a.current()).containsExactly(b.current());
    assertThat(a.history()).isDeepEqualTo(b.history());
    assertThat(a.categories()).containsExactly(b.categories());
  }
}
