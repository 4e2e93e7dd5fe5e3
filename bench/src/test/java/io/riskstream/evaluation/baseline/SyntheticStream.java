package io.riskstream.evaluation.baseline;

import io.riskstream.evaluation.Example;
import io.riskstream.evaluation.Scored;
import io.riskstream.model.RankingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A card stream with a planted pattern: features uniform in [-1, 1), fraud when feature 0 plus
 * Gaussian noise (sd 0.1) exceeds 0.9, about 5% of transactions. A model that finds feature 0 ranks
 * with an AUC near 0.97; one that does not, near 0.5.
 *
 * <p>The features are centred: FTRL on raw features (Flink ML's arithmetic) learns uncentred ones
 * very slowly, because its per-coordinate steps have the same size whatever the gradient's, so at
 * first every all-positive feature moves with the intercept alike. The platform's FTRL standardizes
 * its features first; FtrlBaselineTest shifts and scales these to check that.
 */
final class SyntheticStream {

  static final long START = 1_700_006_400_000L; // 2023-11-15T00:00Z, a UTC midnight
  static final long DAY = Duration.ofDays(1).toMillis();

  private SyntheticStream() {}

  /** {@code perDay} transactions a day over {@code days} days from {@link #START}, time-sorted. */
  static List<Example> examples(int days, int perDay, int numFeatures, long seed) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>(days * perDay);
    long gap = DAY / perDay;
    for (int i = 0; i < days * perDay; i++) {
      float[] features = new float[numFeatures];
      for (int f = 0; f < numFeatures; f++) {
        features[f] = 2 * random.nextFloat() - 1;
      }
      boolean fraud = features[0] + 0.1 * random.nextGaussian() > 0.9;
      examples.add(new Example("card-" + random.nextInt(1000), START + i * gap, features, fraud));
    }
    return examples;
  }

  static double auc(List<Scored> scored) {
    float[] scores = new float[scored.size()];
    float[] labels = new float[scored.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) scored.get(i).score();
      labels[i] = scored.get(i).fraud() ? 1f : 0f;
    }
    return RankingMetrics.auc(scores, labels);
  }
}
