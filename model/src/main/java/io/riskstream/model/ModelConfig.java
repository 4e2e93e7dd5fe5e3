package io.riskstream.model;

import java.io.Serializable;

/**
 * Shape and seed of the sparse-attention fraud model. Two models built from equal configs have
 * bit-identical initial weights, which is what lets weight payloads travel between tasks.
 */
public record ModelConfig(
    int featureDim, int historyLength, int topK, int modelDim, int heads, int hiddenDim, long seed)
    implements Serializable {

  public ModelConfig {
    requirePositive("featureDim", featureDim);
    requirePositive("historyLength", historyLength);
    requirePositive("topK", topK);
    requirePositive("modelDim", modelDim);
    requirePositive("heads", heads);
    requirePositive("hiddenDim", hiddenDim);
    if (topK > historyLength) {
      throw new IllegalArgumentException(
          "topK must be <= historyLength, got topK=" + topK + ", historyLength=" + historyLength);
    }
    if (modelDim % heads != 0) {
      throw new IllegalArgumentException(
          "modelDim must be divisible by heads, got modelDim=" + modelDim + ", heads=" + heads);
    }
  }

  /** The standard shape for a feature vector of the given width. */
  public static ModelConfig defaults(int featureDim) {
    return new ModelConfig(featureDim, 32, 8, 32, 4, 64, 42L);
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }
}
