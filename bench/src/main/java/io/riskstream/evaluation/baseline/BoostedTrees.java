package io.riskstream.evaluation.baseline;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost booster's trees evaluated in plain Java. XGBoost4J's single-row prediction
 * costs about half a millisecond of native overhead per call, two to three minutes of CPU over an
 * evaluation's few hundred thousand one-at-a-time scores; walking 50 shallow trees in Java costs
 * microseconds. The trees come from the booster's text dump, whose thresholds and leaf values
 * round-trip exactly as floats; the base margin, which the dump leaves out, is read off the
 * booster's own margin for a training row, and the result is checked against the booster on further
 * rows so that a dump this parser misreads fails loudly rather than scoring wrongly.
 */
final class BoostedTrees {

  private static final Pattern SPLIT =
      Pattern.compile("\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+)");
  private static final Pattern LEAF = Pattern.compile("\\s*(\\d+):leaf=(\\S+)");

  /** Rows on which the Java margins must agree with the booster's. */
  static final int CHECKED_ROWS = 100;

  /** Float rounding in the sums, far below any threshold a misread tree would cross. */
  private static final double TOLERANCE = 1e-4;

  /** One tree, its nodes indexed by XGBoost's node id; a leaf has feature -1. */
  private record Tree(
      int[] feature, float[] threshold, int[] yes, int[] no, int[] missing, float[] leaf) {

    double value(float[] x) {
      int node = 0;
      while (feature[node] >= 0) {
        float v = x[feature[node]];
        node = Float.isNaN(v) ? missing[node] : v < threshold[node] ? yes[node] : no[node];
      }
      return leaf[node];
    }
  }

  private final Tree[] trees;
  private final double baseMargin;

  private BoostedTrees(Tree[] trees, double baseMargin) {
    this.trees = trees;
    this.baseMargin = baseMargin;
  }

  /**
   * The booster's trees, with its base margin taken from the first of the rows and its margins on
   * up to {@link #CHECKED_ROWS} of them checked.
   *
   * @param rows training rows, row-major, {@code numFeatures} floats each, at least one row
   * @throws IllegalStateException if the Java margins disagree with the booster's
   */
  static BoostedTrees of(Booster booster, float[] rows, int numFeatures) throws XGBoostError {
    Tree[] trees =
        Arrays.stream(booster.getModelDump((String) null, false, "text"))
            .map(BoostedTrees::parse)
            .toArray(Tree[]::new);
    int checked = Math.min(CHECKED_ROWS, rows.length / numFeatures);
    float[] sample = Arrays.copyOf(rows, checked * numFeatures);
    float[][] margins =
        booster.inplace_predict(
            sample,
            checked,
            numFeatures,
            Float.NaN,
            new int[] {0, 0},
            Booster.PredictionType.kMargin,
            null);
    BoostedTrees withoutBase = new BoostedTrees(trees, 0);
    float[] row = new float[numFeatures];
    System.arraycopy(sample, 0, row, 0, numFeatures);
    BoostedTrees model = new BoostedTrees(trees, margins[0][0] - withoutBase.margin(row));
    for (int i = 1; i < checked; i++) {
      System.arraycopy(sample, i * numFeatures, row, 0, numFeatures);
      if (Math.abs(model.margin(row) - margins[i][0]) > TOLERANCE) {
        throw new IllegalStateException(
            "the trees read from XGBoost's dump give margin "
                + model.margin(row)
                + " for training row "
                + i
                + ", XGBoost gives "
                + margins[i][0]);
      }
    }
    return model;
  }

  /** The log-odds of fraud. */
  double margin(float[] x) {
    double sum = baseMargin;
    for (Tree tree : trees) {
      sum += tree.value(x);
    }
    return sum;
  }

  /** The probability of fraud, binary:logistic's sigmoid of the margin. */
  double probability(float[] x) {
    return 1 / (1 + Math.exp(-margin(x)));
  }

  int size() {
    return trees.length;
  }

  /**
   * One tree of a text dump: a line per node, {@code id:[fK<t] yes=..,no=..,missing=..} or {@code
   * id:leaf=v}.
   */
  private static Tree parse(String dump) {
    String[] lines = dump.strip().split("\n");
    int size = 0;
    for (String line : lines) {
      size =
          Math.max(
              size, Integer.parseInt(line.strip().substring(0, line.strip().indexOf(':'))) + 1);
    }
    int[] feature = new int[size];
    float[] threshold = new float[size];
    int[] yes = new int[size];
    int[] no = new int[size];
    int[] missing = new int[size];
    float[] leaf = new float[size];
    for (String line : lines) {
      Matcher split = SPLIT.matcher(line);
      Matcher value = LEAF.matcher(line);
      if (split.matches()) {
        int id = Integer.parseInt(split.group(1));
        feature[id] = Integer.parseInt(split.group(2));
        threshold[id] = Float.parseFloat(split.group(3));
        yes[id] = Integer.parseInt(split.group(4));
        no[id] = Integer.parseInt(split.group(5));
        missing[id] = Integer.parseInt(split.group(6));
      } else if (value.matches()) {
        int id = Integer.parseInt(value.group(1));
        feature[id] = -1;
        leaf[id] = Float.parseFloat(value.group(2));
      } else {
        throw new IllegalStateException("unexpected line in XGBoost's tree dump: " + line);
      }
    }
    return new Tree(feature, threshold, yes, no, missing, leaf);
  }
}
