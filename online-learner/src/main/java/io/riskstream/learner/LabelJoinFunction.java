package io.riskstream.learner;

import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each label with the feature snapshot that was scored for its transaction, keyed by
 * transaction id. Either side may come first; both wait in state until the join TTL, which bounds
 * state for transactions that are never labelled. A revised label joins again with the same
 * snapshot.
 */
public class LabelJoinFunction
    extends KeyedCoProcessFunction<String, FeatureSnapshot, Label, TrainingExample> {
  private static final long serialVersionUID = 1L;

  private final Duration ttl;
  private transient ValueState<FeatureSnapshot> snapshot;
  private transient ValueState<Label> waitingLabel;
  private transient Counter joined;
  private transient Counter labelsWaiting;

  public LabelJoinFunction(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(ttl).build();
    ValueStateDescriptor<FeatureSnapshot> snapshotDescriptor =
        new ValueStateDescriptor<>("snapshot", FeatureSnapshot.class);
    snapshotDescriptor.enableTimeToLive(ttlConfig);
    ValueStateDescriptor<Label> labelDescriptor =
        new ValueStateDescriptor<>("waiting-label", Label.class);
    labelDescriptor.enableTimeToLive(ttlConfig);
    snapshot = getRuntimeContext().getState(snapshotDescriptor);
    waitingLabel = getRuntimeContext().getState(labelDescriptor);
    joined = getRuntimeContext().getMetricGroup().counter("labelsJoined");
    labelsWaiting = getRuntimeContext().getMetricGroup().counter("labelsWithoutSnapshot");
  }

  @Override
  public void processElement1(FeatureSnapshot scored, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    snapshot.update(scored);
    Label label = waitingLabel.value();
    if (label != null) {
      waitingLabel.clear();
      emit(scored, label, out);
    }
  }

  @Override
  public void processElement2(Label label, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    FeatureSnapshot scored = snapshot.value();
    if (scored == null) {
      labelsWaiting.inc();
      waitingLabel.update(label);
    } else {
      emit(scored, label, out);
    }
  }

  private void emit(FeatureSnapshot scored, Label label, Collector<TrainingExample> out) {
    joined.inc();
    out.collect(TrainingExample.of(scored, label));
  }
}
