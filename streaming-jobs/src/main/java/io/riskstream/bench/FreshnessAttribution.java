package io.riskstream.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of {@code riskstream bench freshness}: which model version first trained on each
 * label, when that version became visible on model-updates, and when the first score of that
 * version or a newer one was made. No Kafka, no clocks: the bench feeds it what it read.
 *
 * <p><b>Attribution.</b> The learner's decisions (model-events, in order: each candidate published
 * or rejected by the update gate) carry the newest label time the candidate was trained through and
 * when it was decided. A label ℓ that the gate does not hold back belongs to the first decision
 * whose trained-through time (as a running maximum) is at or after ℓ's label time and that was made
 * no earlier than ℓ was produced. If that decision was a rejection, ℓ was never trained on (the
 * learner returns to the published weights and drops the batch); otherwise its version is the first
 * that trained on ℓ. This is exact when labels reach the trainer in label-time order; the bench
 * stamps each label with the wall clock when it sends it, so they nearly do. Two labels of the same
 * millisecond on either side of a batch boundary, or labels reordered on their way to the trainer
 * (two label-join subtasks), are attributed one version early. {@link Result#slack()} measures
 * that: the largest difference, over decisions, between the labels attributed up to a decision and
 * the examples the learner says it had consumed by then (the sum of the decisions' batch sizes).
 *
 * <p><b>Freshness.</b> For a label trained on in version V: the earliest {@code scoredAt} of any
 * score whose model version is V or newer, minus the label's produce time. It breaks down as label
 * → training (the candidate's decision time: the batch filling or its wait running out), training →
 * visible (training, the gate, and the learner's exactly-once sink waiting for its checkpoint to
 * commit), visible → first score (the scorers reading the update and swapping it in between
 * batches).
 */
public final class FreshnessAttribution {

  /** A label as the bench sent it. */
  public record SentLabel(long producedAt, long labelTime, boolean heldBack) {}

  /**
   * One decision of the learner, from model-events.
   *
   * @param batch the labelled examples of its mini-batch
   */
  public record Decision(
      long version, boolean published, long trainedThrough, long decidedAt, int batch) {}

  /** What became of one label. */
  public enum Outcome {
    /** Held back by the update gate: never trained on. */
    HELD_BACK,
    /** In a batch the update gate rejected: never trained on. */
    REJECTED,
    /** No decision has covered it yet. */
    PENDING,
    /** Trained on, but no score of that version or a newer one has been seen yet. */
    UNSCORED,
    /** Trained on and scored with: its freshness is known. */
    MEASURED
  }

  /**
   * One label's fate; the times are -1 unless measured.
   *
   * @param version the first version trained on it, or -1
   * @param labelToTrain decision time − produce time
   * @param trainToVisible first seen on model-updates − decision time
   * @param visibleToScore first score − first seen on model-updates
   */
  public record Attributed(
      Outcome outcome,
      long version,
      long freshness,
      long labelToTrain,
      long trainToVisible,
      long visibleToScore) {
    static Attributed of(Outcome outcome) {
      return new Attributed(outcome, -1, -1, -1, -1, -1);
    }
  }

  /** Per-label results in the order given, and the attribution's self-check. */
  public record Result(List<Attributed> labels, long slack) {
    public long count(Outcome outcome) {
      return labels.stream().filter(a -> a.outcome() == outcome).count();
    }
  }

  private final List<Decision> decisions = new ArrayList<>();
  private final Map<Long, Long> visibleAt = new HashMap<>();
  private final TreeMap<Long, Long> firstScoredAt = new TreeMap<>();

  /** The learner's next decision, in model-events order. */
  public void decision(Decision decision) {
    decisions.add(decision);
  }

  /** A record of {@code version} was read from model-updates at {@code at}. */
  public void visible(long version, long at) {
    visibleAt.merge(version, at, Math::min);
  }

  /** A score made with {@code version} at {@code scoredAt}. */
  public void scored(long version, long scoredAt) {
    firstScoredAt.merge(version, scoredAt, Math::min);
  }

  /** Published versions so far. */
  public long publishedVersions() {
    return decisions.stream().filter(Decision::published).count();
  }

  /** Rejected candidates so far. */
  public long rejectedCandidates() {
    return decisions.stream().filter(d -> !d.published()).count();
  }

  /**
   * Attributes {@code labels}; {@code all} are every label sent in the run (those measured and
   * those before or after the window), in send order, for the self-check.
   */
  public Result attribute(List<SentLabel> labels, List<SentLabel> all) {
    int n = decisions.size();
    long[] bound = new long[n];
    long[] decided = new long[n];
    long running = Long.MIN_VALUE;
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      running = Math.max(running, decisions.get(i).trainedThrough());
      latest = Math.max(latest, decisions.get(i).decidedAt());
      bound[i] = running;
      decided[i] = latest;
    }
    // The first score at or above each version: a suffix minimum over versions.
    TreeMap<Long, Long> firstAtOrAbove = new TreeMap<>(Collections.reverseOrder());
    long earliest = Long.MAX_VALUE;
    for (Map.Entry<Long, Long> e : firstScoredAt.descendingMap().entrySet()) {
      earliest = Math.min(earliest, e.getValue());
      firstAtOrAbove.put(e.getKey(), earliest);
    }

    List<Attributed> out = new ArrayList<>(labels.size());
    for (SentLabel label : labels) {
      out.add(attribute(label, bound, decided, firstAtOrAbove));
    }
    return new Result(out, slack(all, bound, decided));
  }

  private Attributed attribute(
      SentLabel label, long[] bound, long[] decided, TreeMap<Long, Long> firstAtOrAbove) {
    if (label.heldBack()) {
      return Attributed.of(Outcome.HELD_BACK);
    }
    int i = decisionOf(label, bound, decided);
    if (i < 0) {
      return Attributed.of(Outcome.PENDING);
    }
    Decision d = decisions.get(i);
    if (!d.published()) {
      return Attributed.of(Outcome.REJECTED);
    }
    // firstAtOrAbove is in descending version order: floor gives the smallest version >= V.
    Map.Entry<Long, Long> first = firstAtOrAbove.floorEntry(d.version());
    Long visible = visibleAt.get(d.version());
    if (first == null || visible == null) {
      return new Attributed(Outcome.UNSCORED, d.version(), -1, -1, -1, -1);
    }
    long scoredAt = first.getValue();
    return new Attributed(
        Outcome.MEASURED,
        d.version(),
        scoredAt - label.producedAt(),
        d.decidedAt() - label.producedAt(),
        visible - d.decidedAt(),
        scoredAt - visible);
  }

  /** The first decision covering the label, or -1. */
  private static int decisionOf(SentLabel label, long[] bound, long[] decided) {
    int i =
        Math.max(firstAtLeast(bound, label.labelTime()), firstAtLeast(decided, label.producedAt()));
    return i < bound.length ? i : -1;
  }

  /** The first index whose (non-decreasing) value is at least {@code key}; length if none. */
  private static int firstAtLeast(long[] values, long key) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The largest |labels attributed up to decision i − examples consumed up to decision i|. */
  private long slack(List<SentLabel> all, long[] bound, long[] decided) {
    int n = decisions.size();
    if (n == 0) {
      return 0;
    }
    long[] attributedTo = new long[n];
    for (SentLabel label : all) {
      if (!label.heldBack()) {
        int i = decisionOf(label, bound, decided);
        if (i >= 0) {
          attributedTo[i]++;
        }
      }
    }
    long attributed = 0;
    long consumed = 0;
    long worst = 0;
    for (int i = 0; i < n; i++) {
      attributed += attributedTo[i];
      consumed += decisions.get(i).batch();
      worst = Math.max(worst, Math.abs(attributed - consumed));
    }
    return worst;
  }
}
