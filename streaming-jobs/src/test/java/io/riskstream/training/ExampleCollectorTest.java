package io.riskstream.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.features.ScoringRequest;
import io.riskstream.model.CategoryIds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleCollectorTest {
  private static final TimeWindow TRAIN = new TimeWindow(100, 200);
  private static final TimeWindow TEST = new TimeWindow(300, 400);

  @Test
  void keepsTheRequestsOfEachWindowInEventTimeOrderLabelledWithTheirOwnFlag() {
    ExampleCollector collector = new ExampleCollector(List.of(TRAIN, TEST), Set.of("b", "d"));

    collector.accept(request("c", 150, 3f));
    collector.accept(request("a", 50, 1f)); // before both windows
    collector.accept(request("b", 150, 2f));
    collector.accept(request("e", 200, 5f)); // a window's end is outside it
    collector.accept(request("d", 399, 4f));

    List<List<LabelledInput>> examples = collector.examples();
    assertThat(examples.get(0)).extracting(LabelledInput::transactionId).containsExactly("b", "c");
    assertThat(examples.get(0)).extracting(LabelledInput::fraud).containsExactly(true, false);
    assertThat(examples.get(1)).extracting(LabelledInput::transactionId).containsExactly("d");
    assertThat(examples.get(1).get(0).label()).isEqualTo(1f);
    assertThat(ExampleCollector.inAny(List.of(TRAIN, TEST), 250)).isFalse();
    assertThat(ExampleCollector.inAny(List.of(TRAIN, TEST), 300)).isTrue();
  }

  @Test
  void buildsTheInputAsTheScorerDoes() {
    ExampleCollector collector = new ExampleCollector(List.of(TRAIN), Set.of());
    ScoringRequest request = request("x", 120, 7f, request("w", 110, 6f));
    request.deviceId = "dev-1";

    collector.accept(request);

    LabelledInput example = collector.examples().get(0).get(0);
    assertThat(example.input().current()).isSameAs(request.features);
    assertThat(example.input().history()).isDeepEqualTo(request.history);
    assertThat(example.input().categories())
        .containsExactly(CategoryIds.of(request.terminalId, "dev-1", null));
    assertThat(example.eventTime()).isEqualTo(120);
  }

  @Test
  void historiesShareTheVectorsOfEarlierTransactionsButKeepTheirValues() {
    ExampleCollector collector = new ExampleCollector(List.of(TRAIN), Set.of());
    ScoringRequest first = request("p", 50, 1f); // before the window: only in histories
    ScoringRequest second = request("q", 110, 2f, first);
    ScoringRequest third = request("r", 120, 3f, first, second);
    ScoringRequest changed = request("s", 130, 4f, first, second);
    changed.history[1] = new float[] {9f, 9f}; // not what q's own request carried

    collector.accept(second);
    collector.accept(third);
    collector.accept(changed);

    List<LabelledInput> examples = collector.examples().get(0);
    float[][] secondHistory = examples.get(0).input().history();
    float[][] thirdHistory = examples.get(1).input().history();
    float[][] changedHistory = examples.get(2).input().history();
    assertThat(thirdHistory[0]).isSameAs(secondHistory[0]);
    assertThat(thirdHistory[1]).isSameAs(examples.get(0).input().current());
    assertThat(thirdHistory).isDeepEqualTo(third.history);
    assertThat(changedHistory[1]).containsExactly(9f, 9f);
    assertThat(changedHistory[0]).isSameAs(secondHistory[0]);
  }

  @Test
  void aTimeWindowMustEndAfterItStarts() {
    assertThatThrownBy(() -> new TimeWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new TimeWindow(Long.MIN_VALUE, 0).toString())
        .isEqualTo("before 1970-01-01T00:00:00Z");
  }

  /** A request whose history is the given earlier requests' features, copied as Flink would. */
  private static ScoringRequest request(
      String id, long eventTime, float value, ScoringRequest... earlier) {
    ScoringRequest r = new ScoringRequest();
    r.transactionId = id;
    r.cardId = "card";
    r.terminalId = "term-" + id;
    r.eventTime = eventTime;
    r.features = new float[] {value, value / 2};
    r.history = new float[earlier.length][];
    r.historyIds = new String[earlier.length];
    for (int i = 0; i < earlier.length; i++) {
      r.history[i] = earlier[i].features.clone();
      r.historyIds[i] = earlier[i].transactionId;
    }
    return r;
  }
}
