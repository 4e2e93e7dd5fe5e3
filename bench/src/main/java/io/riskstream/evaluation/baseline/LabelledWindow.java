package io.riskstream.evaluation.baseline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The labelled examples of the most recent span of event time, as a batch model trains on them: an
 * example leaves once it is {@code span} older than the newest labelled one, so memory stays
 * bounded by the traffic of one span. Expects labels roughly in event-time order, as {@link
 * PrequentialReplay} releases them (a fixed delay keeps their order).
 */
final class LabelledWindow {

  private record Labelled(float[] features, boolean fraud, long eventTime) {}

  private final long spanMillis;
  private final Deque<Labelled> examples = new ArrayDeque<>();
  private long newest = Long.MIN_VALUE;
  private int frauds;

  LabelledWindow(Duration span) {
    if (span == null || span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("the training window must be positive, got " + span);
    }
    this.spanMillis = span.toMillis();
  }

  void add(float[] features, boolean fraud, long eventTime) {
    examples.addLast(new Labelled(features, fraud, eventTime));
    frauds += fraud ? 1 : 0;
    newest = Math.max(newest, eventTime);
    while (examples.peekFirst().eventTime() <= newest - spanMillis) {
      frauds -= examples.removeFirst().fraud() ? 1 : 0;
    }
  }

  int size() {
    return examples.size();
  }

  /** Whether both classes are present: a classifier trained on one alone ranks nothing. */
  boolean hasBothClasses() {
    return frauds > 0 && frauds < examples.size();
  }

  /** The features row after row, each row {@code numFeatures} long. */
  float[] rowMajorFeatures(int numFeatures) {
    float[] data = new float[examples.size() * numFeatures];
    int row = 0;
    for (Labelled example : examples) {
      if (example.features().length != numFeatures) {
        throw new IllegalArgumentException(
            "expected " + numFeatures + " features, got " + example.features().length);
      }
      System.arraycopy(example.features(), 0, data, row++ * numFeatures, numFeatures);
    }
    return data;
  }

  /** 1 for fraud and 0 for genuine, in the order of {@link #rowMajorFeatures}. */
  float[] labels() {
    float[] labels = new float[examples.size()];
    int row = 0;
    for (Labelled example : examples) {
      labels[row++] = example.fraud() ? 1f : 0f;
    }
    return labels;
  }
}
