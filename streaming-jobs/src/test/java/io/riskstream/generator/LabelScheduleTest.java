package io.riskstream.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelScheduleTest {
  private static Transaction txn(String id, long time) {
    return Transaction.newBuilder()
        .setTransactionId(id)
        .setCardId("c-00001")
        .setTerminalId("t-0001")
        .setAmount(10)
        .setEventTime(time)
        .build();
  }

  @Test
  void labelsAreHeldBackForTheirDelay() {
    LabelSchedule schedule = new LabelSchedule(Duration.ofMinutes(5));
    schedule.add(txn("a", 1_000), true);
    assertThat(schedule.due(1_000)).isEmpty();
    assertThat(schedule.due(1_000 + 300_000 - 1)).isEmpty();
    List<Label> due = schedule.due(1_000 + 300_000);
    assertThat(due).hasSize(1);
    Label label = due.get(0);
    assertThat(label.getTransactionId().toString()).isEqualTo("a");
    assertThat(label.getCardId().toString()).isEqualTo("c-00001");
    assertThat(label.getFraud()).isTrue();
    assertThat(label.getLabelTime()).isEqualTo(301_000L);
    assertThat(label.getSource().toString()).isEqualTo("synthetic");
    assertThat(schedule.pending()).isZero();
    assertThat(schedule.due(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void labelsAreReleasedInDueOrderEvenWhenAddedOutOfOrder() {
    LabelSchedule schedule = new LabelSchedule(Duration.ofSeconds(10));
    schedule.add(txn("b", 2_000), false);
    schedule.add(txn("a", 1_000), false);
    schedule.add(txn("c", 2_000), true); // same due time as b: added later, released later
    schedule.add(txn("d", 9_000), false);

    assertThat(schedule.due(12_000))
        .extracting(l -> l.getTransactionId().toString())
        .containsExactly("a", "b", "c");
    assertThat(schedule.pending()).isEqualTo(1);
    assertThat(schedule.due(19_000))
        .extracting(l -> l.getTransactionId().toString())
        .containsExactly("d");
  }

  @Test
  void carriesTheGroundTruthOfTheGeneratedStream() {
    SyntheticStream stream = new SyntheticStream(11);
    LabelSchedule schedule = new LabelSchedule(Duration.ZERO);
    long fraud = 0;
    for (int i = 0; i < 10_000; i++) {
      GeneratedTransaction g = stream.next(i);
      fraud += g.fraud() ? 1 : 0;
      schedule.add(g);
    }
    List<Label> labels = schedule.due(10_000);
    assertThat(labels).hasSize(10_000);
    assertThat(labels.stream().filter(Label::getFraud).count()).isEqualTo(fraud);
  }
}
