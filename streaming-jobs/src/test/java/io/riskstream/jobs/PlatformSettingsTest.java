package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.FraudModel;
import io.riskstream.model.SavedModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {
  private static final PlatformSettings SETTINGS = PlatformSettings.defaults("localhost:9092");

  @Test
  void takesAnInitialModelOfItsOwnLayoutAndNetwork() {
    try (FraudModel model = FraudModel.create(SETTINGS.modelConfig())) {
      SavedModel saved = SavedModel.of(model, "m", 1, 0, FeatureSpecs.DEFAULT.id(), Map.of());

      assertThat(SETTINGS.withInitialModel(saved).initialModel()).isSameAs(saved);
    }
  }

  @Test
  void runsTheNetworkOfAnInitialModelWithoutIdEmbeddings() {
    var withoutIds = SETTINGS.modelConfig().withCategories(0, SETTINGS.modelConfig().hashBuckets());
    try (FraudModel model = FraudModel.create(withoutIds)) {
      SavedModel saved = SavedModel.of(model, "m", 1, 0, FeatureSpecs.DEFAULT.id(), Map.of());

      assertThat(SETTINGS.withInitialModel(saved).modelConfig()).isEqualTo(withoutIds);
    }
  }

  @Test
  void rejectsAnInitialModelOfAnotherLayoutOrHistory() {
    try (FraudModel model = FraudModel.create(SETTINGS.modelConfig());
        FraudModel longer = FraudModel.create(SETTINGS.modelConfig().withHistory(64, 4, 8))) {
      SavedModel otherLayout = SavedModel.of(model, "m", 1, 0, "another-layout", Map.of());
      SavedModel otherShape = SavedModel.of(longer, "m", 1, 0, FeatureSpecs.DEFAULT.id(), Map.of());

      assertThatThrownBy(() -> SETTINGS.withInitialModel(otherLayout))
          .hasMessageStartingWith("initial model was trained on feature layout another-layout");
      assertThatThrownBy(() -> SETTINGS.withInitialModel(otherShape))
          .hasMessageStartingWith("initial model reads 64 past events, the platform keeps 32");
      assertThatThrownBy(
              () -> SETTINGS.withFeatures(FeatureSpecs.HANDBOOK).withInitialModel(otherShape))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
