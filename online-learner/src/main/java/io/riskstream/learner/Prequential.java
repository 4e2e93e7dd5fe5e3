package io.riskstream.learner;

import io.riskstream.learner.challenger.ChallengerSettings;
import io.riskstream.learner.challenger.FtrlModelData;
import io.riskstream.learner.challenger.ShadowChallenger;
import io.riskstream.learner.drift.DriftSettings;
import io.riskstream.learner.drift.PageHinkley;
import io.riskstream.model.RankingMetrics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-then-train bookkeeping of each batch: the champion's scores (taken before it learns the
 * batch) feed the drift detector and a window of recent labelled scores; the challenger is scored
 * on the same examples beside it, then learns them. Plain Java, kept whole in the learner's state.
 */
public final class Prequential implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Labelled scores kept for the champion/challenger comparison. */
  static final int WINDOW = 5_000;

  /** Fewer frauds in the window than this and the comparison is not reported. */
  static final int MIN_FRAUDS = 10;

  private final PageHinkley detector;
  private final ShadowChallenger challenger;
  private final float[] labels = new float[WINDOW];
  private final float[] champion = new float[WINDOW];
  private final float[] shadow = new float[WINDOW];
  private int next;
  private int size;
  private final ChallengerSettings challengerSettings;
  private boolean challengerLeads;
  private boolean challengerDecides;

  public Prequential(DriftSettings drift, ChallengerSettings challengerSettings, int numFeatures) {
    detector = drift.enabled() ? drift.newDetector() : null;
    this.challengerSettings = challengerSettings;
    challenger =
        challengerSettings == null
            ? null
            : new ShadowChallenger(numFeatures, challengerSettings.ftrl());
  }

  /**
   * What one batch showed.
   *
   * @param leaderChanged the challenger's AP went above the champion's or fell back below it
   * @param decidesChanged the challenger was promoted or demoted
   */
  public record Outcome(
      boolean drift, double meanError, boolean leaderChanged, boolean decidesChanged) {}

  /**
   * Records a batch the champion scored before learning it, scores the challenger beside it and
   * then trains the challenger on it.
   */
  public Outcome observe(List<float[]> features, float[] batchLabels, float[] championScores) {
    float[] challengerScores = challenger == null ? null : challenger.score(features);
    boolean drift = false;
    for (int i = 0; i < batchLabels.length; i++) {
      labels[next] = batchLabels[i];
      champion[next] = championScores[i];
      shadow[next] = challengerScores == null ? 0f : challengerScores[i];
      next = (next + 1) % WINDOW;
      size = Math.min(size + 1, WINDOW);
      // The absolute error of the probability: bounded, and it rises both when frauds are missed
      // and when genuine payments start to look risky.
      if (detector != null && detector.add(Math.abs(batchLabels[i] - championScores[i]))) {
        drift = true;
      }
    }
    double meanError = detector == null ? Double.NaN : detector.mean();
    if (challenger != null) {
      challenger.learn(features, batchLabels);
    }
    boolean leaderChanged = false;
    boolean decidesChanged = false;
    Map<String, Double> figures = figures();
    if (figures.containsKey("challenger_ap")) {
      double lead = figures.get("challenger_ap") - figures.get("prequential_ap");
      boolean leads = lead > 0;
      leaderChanged = leads != challengerLeads;
      challengerLeads = leads;
      if (challengerSettings.promote()) {
        // A margin both ways: a lead that comes and goes with the window's noise changes nothing.
        double margin = challengerSettings.margin();
        boolean decides = challengerDecides ? lead > -margin : lead > margin;
        decidesChanged = decides != challengerDecides;
        challengerDecides = decides;
      }
    }
    return new Outcome(drift, meanError, leaderChanged, decidesChanged);
  }

  /** Whether the challenger is promoted: scorers decide with it. */
  public boolean challengerDecides() {
    return challengerDecides;
  }

  /** The challenger's current weights for the scorers, or null without a challenger. */
  public FtrlModelData challengerModel() {
    return challenger == null ? null : challenger.modelData();
  }

  /** Whether the challenger's windowed average precision is above the champion's. */
  public boolean challengerLeads() {
    return challengerLeads;
  }

  /**
   * The window's figures: the champion's prequential AUC and average precision, and the
   * challenger's, once the window holds enough frauds to rank by.
   */
  public Map<String, Double> figures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    float[] y = new float[size];
    float[] a = new float[size];
    float[] b = new float[size];
    int frauds = 0;
    for (int i = 0; i < size; i++) {
      int at = Math.floorMod(next - size + i, WINDOW);
      y[i] = labels[at];
      a[i] = champion[at];
      b[i] = shadow[at];
      frauds += y[i] > 0.5f ? 1 : 0;
    }
    figures.put("prequential_window", (double) size);
    if (frauds < MIN_FRAUDS || frauds == size) {
      return figures;
    }
    figures.put("prequential_auc", RankingMetrics.auc(a, y));
    figures.put("prequential_ap", RankingMetrics.averagePrecision(a, y));
    if (challenger != null) {
      figures.put("challenger_auc", RankingMetrics.auc(b, y));
      figures.put("challenger_ap", RankingMetrics.averagePrecision(b, y));
      figures.put("challenger_version", (double) challenger.version());
    }
    return figures;
  }

  /** Features of the examples, as the challenger reads them. */
  public static List<float[]> features(List<TrainingExample> examples) {
    List<float[]> features = new ArrayList<>(examples.size());
    for (TrainingExample example : examples) {
      features.add(example.input().current());
    }
    return features;
  }
}
