package io.riskstream.features;

import io.riskstream.schemas.Label;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins labels with their transactions (keyed by transaction id) so that a label can reach the
 * stages of the terminal, device and IP involved, which the label itself does not name. It keeps
 * the last verdict per transaction, so a reversed chargeback undoes its fraud count.
 *
 * <p>A transaction's labels count for {@code retention} of event time after it: once the watermark
 * (the older of the transactions' and the labels') passes that, its state is cleared. Event time,
 * because a replay compresses months into minutes, and a processing-time TTL alone would keep every
 * transaction of the replay. The processing-time TTL on the descriptors stays, as a bound when the
 * watermark stalls, and because savepoints of earlier versions carry it.
 */
public class LabelEnrichmentFunction
    extends KeyedCoProcessFunction<String, FeatureRecord, Label, LabelEvent> {
  private static final long serialVersionUID = 1L;

  private final Duration retention;
  private transient ValueState<FeatureRecord> transaction;
  private transient ValueState<Boolean> verdict;
  private transient ValueState<Boolean> waitingVerdict;

  public LabelEnrichmentFunction(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(retention).build();
    ValueStateDescriptor<FeatureRecord> txn =
        new ValueStateDescriptor<>("transaction", FeatureRecord.class);
    txn.enableTimeToLive(ttlConfig);
    ValueStateDescriptor<Boolean> last = new ValueStateDescriptor<>("verdict", Types.BOOLEAN);
    last.enableTimeToLive(ttlConfig);
    ValueStateDescriptor<Boolean> early =
        new ValueStateDescriptor<>("waiting-verdict", Types.BOOLEAN);
    early.enableTimeToLive(ttlConfig);
    transaction = getRuntimeContext().getState(txn);
    verdict = getRuntimeContext().getState(last);
    waitingVerdict = getRuntimeContext().getState(early);
  }

  @Override
  public void processElement1(FeatureRecord txn, Context ctx, Collector<LabelEvent> out)
      throws Exception {
    FeatureRecord ids = new FeatureRecord();
    ids.transactionId = txn.transactionId;
    ids.cardId = txn.cardId;
    ids.terminalId = txn.terminalId;
    ids.deviceId = txn.deviceId;
    ids.ipAddress = txn.ipAddress;
    ids.eventTime = txn.eventTime;
    transaction.update(ids);
    ctx.timerService().registerEventTimeTimer(expiry(txn.eventTime));
    Boolean early = waitingVerdict.value();
    if (early != null) {
      waitingVerdict.clear();
      judge(ids, early, out);
    }
  }

  @Override
  public void processElement2(Label label, Context ctx, Collector<LabelEvent> out)
      throws Exception {
    FeatureRecord txn = transaction.value();
    if (txn == null) {
      if (waitingVerdict.value() == null && ctx.timestamp() != null) {
        ctx.timerService().registerEventTimeTimer(expiry(ctx.timestamp()));
      }
      waitingVerdict.update(label.getFraud());
    } else {
      judge(txn, label.getFraud(), out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<LabelEvent> out) {
    transaction.clear();
    verdict.clear();
    waitingVerdict.clear();
  }

  private long expiry(long eventTime) {
    return eventTime + retention.toMillis();
  }

  private void judge(FeatureRecord txn, boolean fraud, Collector<LabelEvent> out) throws Exception {
    boolean wasFraud = Boolean.TRUE.equals(verdict.value());
    verdict.update(fraud);
    if (fraud != wasFraud) {
      out.collect(LabelEvent.of(txn, fraud ? 1 : -1));
    }
  }
}
