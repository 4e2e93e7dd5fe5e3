package io.riskstream.features;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Card stage, keyed by cardId: updates the card's 1 h and 24 h windows, builds the {@link
 * FeatureLayout} vector and emits it with the card's previous {@code historyLength} vectors, then
 * remembers the new vector. The logic is {@link CardState}; this class only keeps it in keyed
 * state.
 */
public class CardFeatureFunction
    extends KeyedProcessFunction<String, EnrichedTransaction, ScoringRequest> {
  private static final long serialVersionUID = 1L;

  private final int historyLength;
  private transient ValueState<CardState> state;

  public CardFeatureFunction(int historyLength) {
    if (historyLength < 0) {
      throw new IllegalArgumentException("historyLength must be >= 0: " + historyLength);
    }
    this.historyLength = historyLength;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<CardState> descriptor =
        new ValueStateDescriptor<>("card-features", CardState.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Windows.STATE_TTL).build());
    state = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(EnrichedTransaction e, Context ctx, Collector<ScoringRequest> out)
      throws Exception {
    CardState card = state.value();
    if (card == null || card.history.slots.length != historyLength) {
      // A restart with another history length starts the history afresh, keeping the windows.
      CardState fresh = CardState.create(historyLength);
      if (card != null) {
        fresh.lastHour = card.lastHour;
        fresh.lastDay = card.lastDay;
      }
      card = fresh;
    }
    float[] features = card.observe(e.amount, e.eventTime, e.terminalDistinctCards24h);

    ScoringRequest request = new ScoringRequest();
    request.transactionId = e.transactionId;
    request.cardId = e.cardId;
    request.terminalId = e.terminalId;
    request.amount = e.amount;
    request.eventTime = e.eventTime;
    request.features = features;
    request.history = card.history.oldestFirst(); // previous vectors only
    card.history.append(features);
    state.update(card);
    out.collect(request);
  }
}
