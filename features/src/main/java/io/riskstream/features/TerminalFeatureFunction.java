package io.riskstream.features;

import io.riskstream.schemas.Transaction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Terminal stage, keyed by terminalId: counts the distinct cards seen at the terminal over the last
 * 24 h of event time and passes the transaction on with that count. The logic is {@link
 * DistinctCounter}; this class only keeps it in keyed state.
 */
public class TerminalFeatureFunction
    extends KeyedProcessFunction<String, Transaction, EnrichedTransaction> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<DistinctCounter> cards;

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<DistinctCounter> descriptor =
        new ValueStateDescriptor<>("terminal-distinct-cards-24h", DistinctCounter.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Windows.STATE_TTL).build());
    cards = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(Transaction t, Context ctx, Collector<EnrichedTransaction> out)
      throws Exception {
    DistinctCounter counter = cards.value();
    if (counter == null) {
      counter = new DistinctCounter(Windows.DAY);
    }
    int distinct = counter.observe(t.getCardId().toString(), t.getEventTime());
    cards.update(counter);
    out.collect(EnrichedTransaction.of(t, distinct));
  }
}
