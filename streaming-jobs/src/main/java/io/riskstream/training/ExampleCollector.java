package io.riskstream.training;

import io.riskstream.features.ScoringRequest;
import io.riskstream.model.CategoryIds;
import io.riskstream.model.ScoringInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the card-history stage's requests into examples, one list per time window, the inputs built
 * exactly as the scorer builds them from a request.
 *
 * <p>Every request's history is its card's earlier feature vectors, so each vector would be held up
 * to L times over. A history row that is bit-identical to the vector already kept for its
 * transaction id is replaced by that same array: histories share storage, and what the model sees
 * is unchanged.
 */
final class ExampleCollector {
  private final List<TimeWindow> windows;
  private final Set<String> frauds;
  private final Map<String, float[]> vectors = new HashMap<>();
  private final List<List<LabelledInput>> examples = new ArrayList<>();

  /**
   * @param frauds ids of the fraudulent transactions (read when a request arrives)
   */
  ExampleCollector(List<TimeWindow> windows, Set<String> frauds) {
    this.windows = List.copyOf(windows);
    this.frauds = frauds;
    for (int i = 0; i < windows.size(); i++) {
      examples.add(new ArrayList<>());
    }
  }

  /** True when a request is inside a window; the others need not be collected at all. */
  static boolean inAny(List<TimeWindow> windows, long eventTime) {
    return windows.stream().anyMatch(w -> w.contains(eventTime));
  }

  void accept(ScoringRequest request) {
    for (int w = 0; w < windows.size(); w++) {
      if (windows.get(w).contains(request.eventTime)) {
        // As the scorer builds its input from a request (ScoringFunction).
        int[] categories = CategoryIds.of(request.terminalId, request.deviceId, request.ipAddress);
        ScoringInput input = new ScoringInput(request.features, shared(request), categories);
        examples
            .get(w)
            .add(
                new LabelledInput(
                    request.transactionId,
                    request.cardId,
                    request.eventTime,
                    input,
                    frauds.contains(request.transactionId)));
      }
    }
  }

  /** Per window, its examples in event-time order (ties by transaction id): repeatable. */
  List<List<LabelledInput>> examples() {
    List<List<LabelledInput>> sorted = new ArrayList<>();
    for (List<LabelledInput> window : examples) {
      List<LabelledInput> copy = new ArrayList<>(window);
      copy.sort(
          Comparator.comparingLong(LabelledInput::eventTime)
              .thenComparing(LabelledInput::transactionId));
      sorted.add(copy);
    }
    return sorted;
  }

  private float[][] shared(ScoringRequest request) {
    float[][] history = request.history == null ? new float[0][] : request.history;
    float[][] rows = new float[history.length][];
    for (int i = 0; i < history.length; i++) {
      String id = request.historyIds == null ? null : request.historyIds[i];
      float[] known = id == null ? null : vectors.putIfAbsent(id, history[i]);
      rows[i] = known != null && Arrays.equals(known, history[i]) ? known : history[i];
    }
    vectors.putIfAbsent(request.transactionId, request.features);
    return rows;
  }
}
