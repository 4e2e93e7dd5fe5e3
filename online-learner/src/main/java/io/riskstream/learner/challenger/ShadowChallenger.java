package io.riskstream.learner.challenger;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataTypes;

/**
 * The FTRL challenger as the learner runs it in the champion's shadow: scored through Flink ML's
 * serving API ({@link FtrlServable}, as a serving process would score it) on each batch before it
 * learns from that batch, then trained on it. Its scores never decide anything.
 *
 * <p>The model standardizes its features ({@link Standardizer}); the statistics travel with the
 * weights, both in the learner's state (this object, Java-serialized) and in the published model
 * data, so a restored learner and every scorer read the features as training did.
 */
public final class ShadowChallenger implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FtrlLogisticRegression model;

  public ShadowChallenger(int numFeatures, FtrlParams params) {
    model = new FtrlLogisticRegression(numFeatures, params);
  }

  /** Fraud probabilities of the current weights, in input order. */
  public float[] score(List<float[]> features) {
    return score(model.modelData(), features);
  }

  /**
   * Fraud probabilities of published FTRL model data, through Flink ML's serving API as any serving
   * process would compute them; in input order.
   */
  public static float[] score(FtrlModelData modelData, List<float[]> features) {
    List<Row> rows = new ArrayList<>(features.size());
    for (float[] vector : features) {
      rows.add(new Row(new ArrayList<>(List.of(LabeledVector.features(vector)))));
    }
    FtrlServable servable = new FtrlServable().setModelData(modelData);
    DataFrame frame =
        new DataFrame(
            new ArrayList<>(List.of(servable.getFeaturesCol())),
            new ArrayList<>(List.of(DataTypes.VECTOR(BasicType.DOUBLE))),
            rows);
    DataFrame scored = servable.transform(frame);
    int raw = scored.getIndex(servable.getRawPredictionCol());
    float[] scores = new float[features.size()];
    List<Row> out = scored.collect();
    for (int i = 0; i < scores.length; i++) {
      DenseVector probabilities = out.get(i).getAs(raw);
      scores[i] = (float) probabilities.get(1);
    }
    return scores;
  }

  /** The current weights as published for scorers. */
  public FtrlModelData modelData() {
    return model.modelData();
  }

  /** One FTRL update on the batch (Flink ML's averaged mini-batch gradient). */
  public void learn(List<float[]> features, float[] labels) {
    List<LabeledVector> batch = new ArrayList<>(features.size());
    for (int i = 0; i < labels.length; i++) {
      batch.add(new LabeledVector(LabeledVector.features(features.get(i)), labels[i]));
    }
    model.update(batch);
  }

  public long version() {
    return model.modelVersion();
  }

  public int numFeatures() {
    return model.numFeatures();
  }
}
