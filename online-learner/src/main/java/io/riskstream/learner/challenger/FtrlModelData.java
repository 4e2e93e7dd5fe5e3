package io.riskstream.learner.challenger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.apache.flink.ml.linalg.BLAS;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorSerializer;

/**
 * One published version of the FTRL challenger, like Flink ML's {@code
 * LogisticRegressionModelData}: the coefficients and the version that produced them, and the
 * feature standardization they were trained under.
 *
 * <p>The coefficient vector holds one weight per feature followed by the intercept, so it is one
 * longer than the feature vectors it scores ({@link #numFeatures()}). Flink ML's logistic
 * regression has no intercept; here the bias is a feature whose value is always 1, which FTRL then
 * trains like any other coordinate. The weights apply to the features as the {@link Standardizer}
 * maps them (z-scores under the statistics of the training examples so far), or to the raw features
 * where there is none (format 1, and {@link FtrlLogisticRegression#unstandardized}).
 *
 * <p>Serialized format, big-endian as {@link java.io.DataOutput} writes it:
 *
 * <pre>
 *   int32   magic 0x4654524C ("FTRL"), so a wrong file fails at once rather than scoring garbage
 *   int32   format version: 1 without a standardizer, 2 with one
 *   int64   modelVersion
 *   int32   n = numFeatures + 1
 *   float64 x n  the feature weights in feature order, then the intercept
 *   format 2 only, the standardizer ({@link Standardizer#write}):
 *   int64   the number of training examples observed
 *   int32   numFeatures
 *   float64 x numFeatures  the features' running means
 *   float64 x numFeatures  their sums of squared deviations from the mean (variance x count)
 * </pre>
 *
 * The coefficient fields are exactly Flink ML's {@code DenseVectorSerializer} encoding of the
 * coefficient vector. Format 1, what the challenger published before it standardized, still reads.
 *
 * @param coefficient the feature weights then the intercept; not copied, so treat it as read-only
 * @param standardizer how features are mapped before the weights apply, or null for not at all; not
 *     copied, so treat it as read-only
 * @param modelVersion 0 for the untrained model, then one more per training step
 */
public record FtrlModelData(DenseVector coefficient, Standardizer standardizer, long modelVersion) {

  /** "FTRL" in ASCII. */
  public static final int MAGIC = 0x4654524C;

  /** The format written without a standardizer: raw features. */
  public static final int FORMAT_RAW = 1;

  /** The format written with a standardizer. */
  public static final int FORMAT_STANDARDIZED = 2;

  public FtrlModelData {
    if (coefficient == null || coefficient.size() < 1) {
      throw new IllegalArgumentException("FTRL model data needs at least the intercept");
    }
    if (modelVersion < 0) {
      throw new IllegalArgumentException("modelVersion must be >= 0, got " + modelVersion);
    }
    if (standardizer != null && standardizer.numFeatures() != coefficient.size() - 1) {
      throw new IllegalArgumentException(
          "the standardizer has "
              + standardizer.numFeatures()
              + " features, the weights "
              + (coefficient.size() - 1));
    }
  }

  /** Weights over the raw features, without standardization (format 1). */
  public FtrlModelData(DenseVector coefficient, long modelVersion) {
    this(coefficient, null, modelVersion);
  }

  /** The length of the feature vectors this model scores (the intercept excluded). */
  public int numFeatures() {
    return coefficient.size() - 1;
  }

  public double intercept() {
    return coefficient.get(numFeatures());
  }

  /**
   * The log-odds of fraud: the weights dotted with the (standardized) features and a trailing 1 for
   * the bias.
   */
  public double logit(Vector features) {
    return BLAS.dot(coefficient, withBias(features));
  }

  /** The probability of fraud, computed exactly as Flink ML's logistic regression servable does. */
  public double probability(Vector features) {
    return probability(logit(features));
  }

  /** Flink ML's servable form of the sigmoid, {@code 1 - 1 / (1 + e^logit)}. */
  static double probability(double logit) {
    return 1 - 1.0 / (1.0 + Math.exp(logit));
  }

  /**
   * The features as the weights read them (standardized where there is a standardizer), followed by
   * the constant 1 that the intercept multiplies.
   */
  DenseVector withBias(Vector features) {
    if (features.size() != numFeatures()) {
      throw new IllegalArgumentException(
          "the model scores " + numFeatures() + " features, got a vector of " + features.size());
    }
    double[] values = new double[features.size() + 1];
    for (int i = 0; i < features.size(); i++) {
      values[i] = standardizer == null ? features.get(i) : standardizer.apply(i, features.get(i));
    }
    values[features.size()] = 1.0;
    return new DenseVector(values);
  }

  /**
   * Writes the format described on the class, 2 with a standardizer and 1 without; does not close
   * the stream.
   */
  public void encode(OutputStream out) throws IOException {
    DataOutputViewStreamWrapper view = new DataOutputViewStreamWrapper(out);
    view.writeInt(MAGIC);
    view.writeInt(standardizer == null ? FORMAT_RAW : FORMAT_STANDARDIZED);
    view.writeLong(modelVersion);
    new DenseVectorSerializer().serialize(coefficient, view);
    if (standardizer != null) {
      standardizer.write(view);
    }
    view.flush();
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      encode(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #encode} wrote; does not close the stream. */
  public static FtrlModelData decode(InputStream in) throws IOException {
    DataInputViewStreamWrapper view = new DataInputViewStreamWrapper(in);
    int magic = view.readInt();
    if (magic != MAGIC) {
      throw new IOException(
          "not FTRL model data: magic " + Integer.toHexString(magic) + ", expected 4654524c");
    }
    int format = view.readInt();
    if (format != FORMAT_RAW && format != FORMAT_STANDARDIZED) {
      throw new IOException(
          "FTRL model data format "
              + format
              + " is not supported (only "
              + FORMAT_RAW
              + " and "
              + FORMAT_STANDARDIZED
              + ")");
    }
    long modelVersion = view.readLong();
    DenseVector coefficient = new DenseVectorSerializer().deserialize(view);
    Standardizer standardizer = format == FORMAT_RAW ? null : Standardizer.read(view);
    return new FtrlModelData(coefficient, standardizer, modelVersion);
  }
}
