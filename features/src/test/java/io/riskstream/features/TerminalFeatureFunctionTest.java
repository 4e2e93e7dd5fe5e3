package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.Transaction;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TerminalFeatureFunctionTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long HOUR = 3_600_000L;

  private KeyedOneInputStreamOperatorTestHarness<String, Transaction, EnrichedTransaction> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TerminalFeatureFunction(), t -> t.getTerminalId().toString(), Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  static Transaction txn(String id, String card, String terminal, double amount, long time) {
    return Transaction.newBuilder()
        .setTransactionId(id)
        .setCardId(card)
        .setTerminalId(terminal)
        .setAmount(amount)
        .setEventTime(time)
        .build();
  }

  @Test
  void countsDistinctCardsPerTerminal() throws Exception {
    harness.processElement(txn("x1", "c-1", "t-1", 10, T0), T0);
    harness.processElement(txn("x2", "c-2", "t-1", 20, T0 + 1), T0 + 1);
    harness.processElement(txn("x3", "c-1", "t-2", 30, T0 + 2), T0 + 2);
    harness.processElement(txn("x4", "c-1", "t-1", 40, T0 + 3), T0 + 3);
    harness.processElement(txn("x5", "c-3", "t-1", 50, T0 + 24 * HOUR), T0 + 24 * HOUR);
    harness.processElement(txn("x6", "c-4", "t-1", 60, T0 + 24 * HOUR + 2), T0 + 24 * HOUR + 2);

    List<EnrichedTransaction> out = harness.extractOutputValues();
    assertThat(out)
        .extracting(e -> e.terminalDistinctCards24h)
        // At +24 h the card seen at exactly T0 would be out, but c-1 (+3 ms) and c-2 (+1 ms) are
        // in.
        .containsExactly(1f, 2f, 1f, 2f, 3f, 3f); // then c-2 leaves, c-4 joins
    EnrichedTransaction first = out.get(0);
    assertThat(first)
        .isEqualTo(EnrichedTransaction.of(txn("x1", "c-1", "t-1", 10, T0), 1f))
        .extracting(e -> e.transactionId, e -> e.cardId, e -> e.terminalId, e -> e.amount)
        .containsExactly("x1", "c-1", "t-1", 10.0);
    assertThat(first.eventTime).isEqualTo(T0);
  }

  @Test
  void stateSurvivesASnapshotAndRestore() throws Exception {
    harness.processElement(txn("x1", "c-1", "t-1", 10, T0), T0);
    var snapshot = harness.snapshot(1L, T0);
    harness.close();

    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TerminalFeatureFunction()),
            t -> t.getTerminalId().toString(),
            Types.STRING);
    harness.initializeState(snapshot);
    harness.open();
    harness.processElement(txn("x2", "c-2", "t-1", 20, T0 + 1), T0 + 1);
    assertThat(harness.extractOutputValues().get(0).terminalDistinctCards24h).isEqualTo(2f);
  }
}
