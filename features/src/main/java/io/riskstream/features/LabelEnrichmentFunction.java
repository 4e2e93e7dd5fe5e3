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
 */
public class LabelEnrichmentFunction
    extends KeyedCoProcessFunction<String, FeatureRecord, Label, LabelEvent> {
  private static final long serialVersionUID = 1L;

  private final Duration ttl;
  private transient ValueState<FeatureRecord> transaction;
  private transient ValueState<Boolean> verdict;
  private transient ValueState<Boolean> waitingVerdict;

  public LabelEnrichmentFunction(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(ttl).build();
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
      waitingVerdict.update(label.getFraud());
    } else {
      judge(txn, label.getFraud(), out);
    }
  }

  private void judge(FeatureRecord txn, boolean fraud, Collector<LabelEvent> out) throws Exception {
    boolean wasFraud = Boolean.TRUE.equals(verdict.value());
    verdict.update(fraud);
    if (fraud != wasFraud) {
      out.collect(LabelEvent.of(txn, fraud ? 1 : -1));
    }
  }
}
