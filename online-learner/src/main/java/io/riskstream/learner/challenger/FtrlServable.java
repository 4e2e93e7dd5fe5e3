package io.riskstream.learner.challenger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.ModelServable;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataTypes;
import org.apache.flink.ml.util.ParamUtils;

/**
 * Scores with published FTRL weights through Flink ML's serving API, as Flink ML's {@code
 * LogisticRegressionModelServable} does: for each row's feature vector (the snapshot's features,
 * without the bias term) it appends
 *
 * <ul>
 *   <li>{@code predictionCol} (DOUBLE): 1.0 when the log-odds are {@code >= 0}, else 0.0;
 *   <li>{@code rawPredictionCol} (VECTOR of DOUBLE): {@code [1 - p, p]} where {@code p} is the
 *       probability of fraud, {@code sigmoid(dot(coefficient, [standardized features, 1]))} (the
 *       model data's {@link Standardizer}, or the raw features where it has none).
 * </ul>
 *
 * The model data comes from {@link #setModelData(InputStream...)} in {@link FtrlModelData}'s
 * format, or directly from {@link #setModelData(FtrlModelData)}. The parameters keep Flink ML's
 * names and defaults: {@code featuresCol} "features", {@code predictionCol} "prediction", {@code
 * rawPredictionCol} "rawPrediction".
 */
public class FtrlServable implements ModelServable<FtrlServable> {

  public static final Param<String> FEATURES_COL =
      new StringParam(
          "featuresCol", "Features column name.", "features", ParamValidators.notNull());

  public static final Param<String> PREDICTION_COL =
      new StringParam(
          "predictionCol", "Prediction column name.", "prediction", ParamValidators.notNull());

  public static final Param<String> RAW_PREDICTION_COL =
      new StringParam(
          "rawPredictionCol",
          "Raw prediction column name.",
          "rawPrediction",
          ParamValidators.notNull());

  private final Map<Param<?>, Object> paramMap = new HashMap<>();
  private FtrlModelData modelData;

  public FtrlServable() {
    ParamUtils.initializeMapWithDefaultValues(paramMap, this);
  }

  /**
   * Loads one serialized {@link FtrlModelData} (the stream is read, not closed).
   *
   * @throws IllegalArgumentException unless exactly one stream is given
   */
  @Override
  public FtrlServable setModelData(InputStream... modelDataInputs) throws IOException {
    if (modelDataInputs.length != 1) {
      throw new IllegalArgumentException(
          "FTRL model data is one stream, got " + modelDataInputs.length);
    }
    return setModelData(FtrlModelData.decode(modelDataInputs[0]));
  }

  public FtrlServable setModelData(FtrlModelData modelData) {
    this.modelData = modelData;
    return this;
  }

  /** The model data scored with, or null before any was set. */
  public FtrlModelData getModelData() {
    return modelData;
  }

  /**
   * Appends the prediction and raw prediction columns to {@code input} and returns it, as Flink
   * ML's servables do.
   *
   * @throws IllegalStateException before model data is set
   * @throws IllegalArgumentException when a feature vector is not as long as the model expects
   */
  @Override
  public DataFrame transform(DataFrame input) {
    if (modelData == null) {
      throw new IllegalStateException("FTRL servable has no model data: call setModelData first");
    }
    int featuresIndex = input.getIndex(getFeaturesCol());
    List<Double> predictions = new ArrayList<>();
    List<DenseVector> rawPredictions = new ArrayList<>();
    for (Row row : input.collect()) {
      Vector features = (Vector) row.get(featuresIndex);
      double logit = modelData.logit(features);
      double probability = FtrlModelData.probability(logit);
      predictions.add(logit >= 0 ? 1.0 : 0.0);
      rawPredictions.add(Vectors.dense(1 - probability, probability));
    }
    input.addColumn(getPredictionCol(), DataTypes.DOUBLE, predictions);
    input.addColumn(getRawPredictionCol(), DataTypes.VECTOR(BasicType.DOUBLE), rawPredictions);
    return input;
  }

  @Override
  public Map<Param<?>, Object> getParamMap() {
    return paramMap;
  }

  public String getFeaturesCol() {
    return get(FEATURES_COL);
  }

  public FtrlServable setFeaturesCol(String value) {
    return set(FEATURES_COL, value);
  }

  public String getPredictionCol() {
    return get(PREDICTION_COL);
  }

  public FtrlServable setPredictionCol(String value) {
    return set(PREDICTION_COL, value);
  }

  public String getRawPredictionCol() {
    return get(RAW_PREDICTION_COL);
  }

  public FtrlServable setRawPredictionCol(String value) {
    return set(RAW_PREDICTION_COL, value);
  }
}
