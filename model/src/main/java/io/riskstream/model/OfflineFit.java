package io.riskstream.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Fits a model offline on a fixed set of examples: {@link OnlineTrainer} steps over shuffled
 * mini-batches for a number of epochs, every group trainable. The shuffle is seeded, so the same
 * examples in the same order give bit-identical weights.
 *
 * @param epochs passes over the examples
 * @param batchSize examples per step (the last batch of an epoch may be smaller)
 * @param learningRate Adam's step size
 * @param positiveWeight weight of a fraud in the loss, against 1 for a genuine transaction
 * @param seed of the shuffle
 */
public record OfflineFit(
    int epochs, int batchSize, float learningRate, float positiveWeight, long seed) {

  /** Rows scored per call when evaluating. */
  public static final int SCORING_BATCH = 1024;

  public OfflineFit {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "epochs and batchSize must be at least 1, got " + epochs + " and " + batchSize);
    }
  }

  /**
   * Trains {@code model} in place.
   *
   * @param labels 1 for fraud, 0 for genuine, one per input
   * @param afterEpoch told the 1-based number of each finished epoch (progress)
   * @return the mean loss of each epoch's steps, weighted by their batch sizes
   */
  public double[] train(
      FraudModel model, List<ScoringInput> inputs, float[] labels, IntConsumer afterEpoch) {
    if (inputs.isEmpty() || inputs.size() != labels.length) {
      throw new IllegalArgumentException(
          "need a label per input and at least one input, got "
              + inputs.size()
              + " inputs and "
              + labels.length
              + " labels");
    }
    double[] losses = new double[epochs];
    Random random = new Random(seed);
    int[] order = new int[inputs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    try (OnlineTrainer trainer =
        new OnlineTrainer(model, model.groups(), learningRate, positiveWeight)) {
      for (int epoch = 0; epoch < epochs; epoch++) {
        shuffle(order, random);
        double lossSum = 0;
        for (int start = 0; start < order.length; start += batchSize) {
          int end = Math.min(order.length, start + batchSize);
          List<ScoringInput> batch = new ArrayList<>(end - start);
          float[] batchLabels = new float[end - start];
          for (int i = start; i < end; i++) {
            batch.add(inputs.get(order[i]));
            batchLabels[i - start] = labels[order[i]];
          }
          lossSum += trainer.step(batch, batchLabels) * (double) (end - start);
        }
        losses[epoch] = lossSum / order.length;
        afterEpoch.accept(epoch + 1);
      }
    }
    return losses;
  }

  /** Fraud probabilities of every input, scored in batches of {@value #SCORING_BATCH}. */
  public static float[] score(FraudModel model, List<ScoringInput> inputs) {
    float[] scores = new float[inputs.size()];
    for (int start = 0; start < inputs.size(); start += SCORING_BATCH) {
      int end = Math.min(inputs.size(), start + SCORING_BATCH);
      float[] batch = model.score(inputs.subList(start, end));
      System.arraycopy(batch, 0, scores, start, batch.length);
    }
    return scores;
  }

  /** Fisher-Yates, so the order depends on the seed alone. */
  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
