package io.riskstream.bench.jmh;

import io.riskstream.model.CategoryIds;
import io.riskstream.model.ScoringInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scoring batches for the benchmarks, made once in setup so that no benchmark times their making.
 *
 * <p>Feature values are uniform in [0, 1): the model's cost does not depend on them (every batch is
 * packed into fixed-shape tensors and top-k ranks all L positions whatever their values), so only
 * the shapes need to be realistic: every history is filled to L events and every input carries
 * terminal, device and IP ids, as in the running scorer. {@code riskstream bench scoring} uses
 * feature-spec-shaped values instead; its figures and these can be compared.
 */
final class RandomBatches {

  /** Distinct batches a benchmark cycles through, so it does not score one cached batch. */
  static final int POOL = 4;

  private RandomBatches() {}

  static List<List<ScoringInput>> pool(long seed, int featureDim, int historyLength, int batch) {
    Random random = new Random(seed);
    List<List<ScoringInput>> pool = new ArrayList<>(POOL);
    for (int p = 0; p < POOL; p++) {
      List<ScoringInput> inputs = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        inputs.add(input(random, featureDim, historyLength));
      }
      pool.add(List.copyOf(inputs));
    }
    return pool;
  }

  private static ScoringInput input(Random random, int featureDim, int historyLength) {
    float[][] history = new float[historyLength][];
    for (int i = 0; i < historyLength; i++) {
      history[i] = vector(random, featureDim);
    }
    int[] categories =
        CategoryIds.of(
            "terminal-" + random.nextInt(10_000),
            "device-" + random.nextInt(50_000),
            "ip-" + random.nextInt(50_000));
    return new ScoringInput(vector(random, featureDim), history, categories);
  }

  private static float[] vector(Random random, int featureDim) {
    float[] v = new float[featureDim];
    for (int i = 0; i < featureDim; i++) {
      v[i] = random.nextFloat();
    }
    return v;
  }
}
