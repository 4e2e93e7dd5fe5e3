package io.riskstream.model;

import java.io.Serializable;

/**
 * Shape and seed of the fraud model. Two models built from equal configs have bit-identical initial
 * weights, which is what lets weight payloads travel between tasks.
 *
 * @param featureDim width of each numeric feature vector
 * @param categorySlots categorical ids per transaction (e.g. terminal, device, IP), each hashed
 *     into one shared embedding table; 0 for none
 * @param hashBuckets rows of the hashed embedding table
 * @param historyLength past events of the card the model reads (L)
 * @param localWindow newest past events always attended over (w); sparse mode only
 * @param topK older past events the gate selects (k); sparse mode only
 * @param attention sparse (local window plus gated top-k) or dense (all L events)
 * @param experts expert groups; the router sends each transaction to exactly one
 */
public record ModelConfig(
    int featureDim,
    int categorySlots,
    int hashBuckets,
    int historyLength,
    int localWindow,
    int topK,
    AttentionMode attention,
    int modelDim,
    int heads,
    int hiddenDim,
    int experts,
    long seed)
    implements Serializable {

  public ModelConfig {
    requirePositive("featureDim", featureDim);
    requireNonNegative("categorySlots", categorySlots);
    requirePositive("hashBuckets", hashBuckets);
    requirePositive("historyLength", historyLength);
    requireNonNegative("localWindow", localWindow);
    requirePositive("topK", topK);
    requirePositive("modelDim", modelDim);
    requirePositive("heads", heads);
    requirePositive("hiddenDim", hiddenDim);
    requirePositive("experts", experts);
    if (attention == null) {
      throw new IllegalArgumentException("attention must be SPARSE or DENSE, got null");
    }
    if (attention == AttentionMode.SPARSE && localWindow + topK > historyLength) {
      throw new IllegalArgumentException(
          "localWindow + topK must be <= historyLength, got localWindow="
              + localWindow
              + ", topK="
              + topK
              + ", historyLength="
              + historyLength);
    }
    if (modelDim % heads != 0) {
      throw new IllegalArgumentException(
          "modelDim must be divisible by heads, got modelDim=" + modelDim + ", heads=" + heads);
    }
  }

  /** The standard shape for a feature vector of the given width. */
  public static ModelConfig defaults(int featureDim) {
    return new ModelConfig(featureDim, 3, 4096, 32, 4, 8, AttentionMode.SPARSE, 32, 4, 64, 4, 42L);
  }

  /**
   * The same model over a different history: length L, a dense window of the newest {@code
   * localWindow} events and {@code topK} gated older ones.
   */
  public ModelConfig withHistory(int historyLength, int localWindow, int topK) {
    Copy c = new Copy(this);
    c.historyLength = historyLength;
    c.localWindow = localWindow;
    c.topK = topK;
    return c.build();
  }

  /**
   * The same model over a history of length L with this config's local window and top-k, each
   * shrunk to fit when L is shorter than both together (top-k first).
   */
  public ModelConfig withHistoryLength(int historyLength) {
    int k = Math.min(topK, historyLength);
    return withHistory(historyLength, Math.min(localWindow, historyLength - k), k);
  }

  /** The dense reference: attends over all {@code historyLength} events, no gate. */
  public ModelConfig dense() {
    return withAttention(AttentionMode.DENSE);
  }

  public ModelConfig withAttention(AttentionMode value) {
    Copy c = new Copy(this);
    c.attention = value;
    return c.build();
  }

  public ModelConfig withCategories(int slots, int buckets) {
    Copy c = new Copy(this);
    c.categorySlots = slots;
    c.hashBuckets = buckets;
    return c.build();
  }

  public ModelConfig withWidths(int modelDim, int heads, int hiddenDim) {
    Copy c = new Copy(this);
    c.modelDim = modelDim;
    c.heads = heads;
    c.hiddenDim = hiddenDim;
    return c.build();
  }

  public ModelConfig withExperts(int value) {
    Copy c = new Copy(this);
    c.experts = value;
    return c.build();
  }

  public ModelConfig withSeed(long value) {
    Copy c = new Copy(this);
    c.seed = value;
    return c.build();
  }

  /** Past events the attention reads per transaction: w + k when sparse, L when dense. */
  public int attendedEvents() {
    return attention == AttentionMode.DENSE ? historyLength : localWindow + topK;
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }

  private static void requireNonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
  }

  /** A mutable copy the withers change a few fields of; records have no withers of their own. */
  private static final class Copy {
    private final int featureDim;
    private int categorySlots;
    private int hashBuckets;
    private int historyLength;
    private int localWindow;
    private int topK;
    private AttentionMode attention;
    private int modelDim;
    private int heads;
    private int hiddenDim;
    private int experts;
    private long seed;

    Copy(ModelConfig c) {
      featureDim = c.featureDim;
      categorySlots = c.categorySlots;
      hashBuckets = c.hashBuckets;
      historyLength = c.historyLength;
      localWindow = c.localWindow;
      topK = c.topK;
      attention = c.attention;
      modelDim = c.modelDim;
      heads = c.heads;
      hiddenDim = c.hiddenDim;
      experts = c.experts;
      seed = c.seed;
    }

    ModelConfig build() {
      return new ModelConfig(
          featureDim,
          categorySlots,
          hashBuckets,
          historyLength,
          localWindow,
          topK,
          attention,
          modelDim,
          heads,
          hiddenDim,
          experts,
          seed);
    }
  }
}
