package io.riskstream.features;

import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The last stage before scoring, keyed by card: scales the feature vector for the model and
 * attaches the card's previous vectors (a ring buffer of {@code historyLength}), in event-time
 * order so that the history is exactly the card's earlier transactions.
 */
public class CardHistoryFunction
    extends KeyedProcessFunction<String, FeatureRecord, ScoringRequest> {
  private static final long serialVersionUID = 1L;
  private static final Duration IDLE_CARD_TTL = Duration.ofDays(90);

  private final FeatureSpec spec;
  private final int historyLength;
  private final Duration maxHold;
  private transient ValueState<FeatureHistory> history;
  private transient EventTimeOrder<FeatureRecord> order;

  public CardHistoryFunction(FeatureSpec spec, int historyLength, Duration maxHold) {
    if (historyLength < 1) {
      throw new IllegalArgumentException("historyLength must be at least 1, was " + historyLength);
    }
    this.spec = spec;
    this.historyLength = historyLength;
    this.maxHold = maxHold;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<FeatureHistory> descriptor =
        new ValueStateDescriptor<>("history", FeatureHistory.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_CARD_TTL).build());
    history = getRuntimeContext().getState(descriptor);
    order =
        new EventTimeOrder<>(
            getRuntimeContext(), "waiting-transactions", FeatureRecord.class, maxHold);
  }

  @Override
  public void processElement(FeatureRecord record, Context ctx, Collector<ScoringRequest> out)
      throws Exception {
    if (!order.hold(record, record.eventTime, ctx.timerService())) {
      // Already counted as late by the entity stages; score it against the history we have.
      emit(record, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoringRequest> out)
      throws Exception {
    for (FeatureRecord record : order.due(timestamp, ctx.timeDomain(), ctx.timerService())) {
      emit(record, out);
    }
  }

  private void emit(FeatureRecord record, Collector<ScoringRequest> out) throws Exception {
    FeatureHistory past = history.value();
    if (past == null) {
      past = new FeatureHistory(historyLength);
    }
    ScoringRequest request = new ScoringRequest();
    request.transactionId = record.transactionId;
    request.cardId = record.cardId;
    request.terminalId = record.terminalId;
    request.deviceId = record.deviceId;
    request.ipAddress = record.ipAddress;
    request.amount = record.amount;
    request.eventTime = record.eventTime;
    request.features = spec.scaled(record.values);
    request.history = past.oldestFirst();
    request.historyIds = past.idsOldestFirst();
    past.append(record.transactionId, request.features);
    history.update(past);
    out.collect(request);
  }
}
