package io.riskstream.learner;

import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.Label;

/**
 * A label joined with the point-in-time snapshot that was scored: the model learns from exactly
 * what it saw, never from features recomputed after the fact. A Flink POJO.
 */
public class TrainingExample {
  public String transactionId;
  public String featureLayout;
  public float[] features;
  public float[][] history;
  public int[] categories;
  public boolean fraud;
  public long labelTime;

  /** When the transaction happened, epoch ms. */
  public long eventTime;

  public TrainingExample() {}

  public static TrainingExample of(FeatureSnapshot snapshot, Label label) {
    TrainingExample example = new TrainingExample();
    example.transactionId = snapshot.getTransactionId();
    example.featureLayout = snapshot.getFeatureLayout();
    example.features = FloatVectors.toArray(snapshot.getFeatures());
    example.history = FloatVectors.toArrays(snapshot.getHistory());
    example.categories = snapshot.getCategories().stream().mapToInt(Integer::intValue).toArray();
    example.fraud = label.getFraud();
    example.labelTime = label.getLabelTime();
    example.eventTime = snapshot.getEventTime();
    return example;
  }

  public ScoringInput input() {
    return new ScoringInput(features, history, categories);
  }

  @Override
  public String toString() {
    return "TrainingExample{" + transactionId + ", fraud=" + fraud + "}";
  }
}
