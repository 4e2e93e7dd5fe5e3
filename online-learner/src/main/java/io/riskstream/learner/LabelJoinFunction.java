package io.riskstream.learner;

import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins each label with the feature snapshot that was scored for its transaction, keyed by
 * transaction id. A snapshot waits in state for {@code retention} of event time after its
 * transaction: a revised label within it joins again with the same snapshot, and the snapshot is
 * cleared once the watermark (the older of the snapshots' and the labels') passes it. Event time,
 * because a replay compresses months into minutes and a processing-time TTL alone would keep every
 * snapshot of the replay (about 2 KB each, with the card's history). The processing-time TTL on the
 * descriptors stays as a bound when the watermark stalls, and because savepoints of earlier
 * versions carry it.
 *
 * <p>A label may overtake its snapshot by moments (the snapshot is written when the transaction is
 * scored), so a label that finds none waits {@code labelWait}. One still alone after that has no
 * snapshot to learn from (scored before the TTL, or never scored here): it is counted and emitted
 * on {@link #UNMATCHED}, never dropped silently.
 *
 * <p>A label that repeats the verdict last joined for its transaction (a producer's retry, a
 * chargeback reported twice) is counted as {@code labelsRepeated} and not joined again: learning it
 * twice would double its weight. A revision that changes the verdict joins again.
 *
 * <p>Its label lag gauge is how long the latest joined label took from its label time to its join
 * (processing time): how late the labels reach the learner.
 */
public class LabelJoinFunction
    extends KeyedCoProcessFunction<String, FeatureSnapshot, Label, TrainingExample> {
  private static final long serialVersionUID = 1L;

  /** Labels that found no scored snapshot within the label wait. */
  public static final OutputTag<Label> UNMATCHED =
      new OutputTag<>("labels-without-snapshot", TypeInformation.of(Label.class));

  /** Long enough for any label that overtook its snapshot, short enough to report the rest soon. */
  public static final Duration DEFAULT_LABEL_WAIT = Duration.ofMinutes(10);

  private final Duration retention;
  private final Duration labelWait;
  private transient ValueState<FeatureSnapshot> snapshot;
  private transient ValueState<Label> waitingLabel;
  private transient ValueState<Boolean> joinedVerdict;
  private transient Counter joined;
  private transient Counter repeated;
  private transient Counter unmatched;
  private transient volatile double labelLagSeconds;

  public LabelJoinFunction(Duration retention, Duration labelWait) {
    this.retention = retention;
    this.labelWait = labelWait;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(retention).build();
    ValueStateDescriptor<FeatureSnapshot> snapshotDescriptor =
        new ValueStateDescriptor<>("snapshot", FeatureSnapshot.class);
    snapshotDescriptor.enableTimeToLive(ttlConfig);
    // The label's timer reports and clears it long before the TTL; the descriptor stays as it was
    // so that savepoints of earlier versions restore.
    ValueStateDescriptor<Label> labelDescriptor =
        new ValueStateDescriptor<>("waiting-label", Label.class);
    labelDescriptor.enableTimeToLive(ttlConfig);
    ValueStateDescriptor<Boolean> verdictDescriptor =
        new ValueStateDescriptor<>("joined-verdict", Types.BOOLEAN);
    verdictDescriptor.enableTimeToLive(ttlConfig);
    snapshot = getRuntimeContext().getState(snapshotDescriptor);
    joinedVerdict = getRuntimeContext().getState(verdictDescriptor);
    waitingLabel = getRuntimeContext().getState(labelDescriptor);
    joined = getRuntimeContext().getMetricGroup().counter("labelsJoined");
    unmatched = getRuntimeContext().getMetricGroup().counter("labelsWithoutSnapshot");
    repeated = getRuntimeContext().getMetricGroup().counter("labelsRepeated");
    labelLagSeconds = Double.NaN; // no label joined yet
    getRuntimeContext()
        .getMetricGroup()
        .addGroup("riskstream")
        .gauge("label_lag_seconds", (Gauge<Double>) () -> labelLagSeconds);
  }

  @Override
  public void processElement1(FeatureSnapshot scored, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    snapshot.update(scored);
    ctx.timerService().registerEventTimeTimer(scored.getEventTime() + retention.toMillis());
    Label label = waitingLabel.value();
    if (label != null) {
      waitingLabel.clear();
      emit(scored, label, ctx, out);
    }
  }

  @Override
  public void processElement2(Label label, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    FeatureSnapshot scored = snapshot.value();
    if (scored == null) {
      if (waitingLabel.value() == null) { // a revision of a waiting label waits on its timer
        long now = ctx.timerService().currentProcessingTime();
        ctx.timerService().registerProcessingTimeTimer(now + labelWait.toMillis());
      }
      waitingLabel.update(label);
    } else {
      emit(scored, label, ctx, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrainingExample> out)
      throws Exception {
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      snapshot.clear();
      joinedVerdict.clear();
      return;
    }
    Label label = waitingLabel.value();
    if (label != null) { // else its snapshot came in time
      waitingLabel.clear();
      unmatched.inc();
      ctx.output(UNMATCHED, label);
    }
  }

  private void emit(
      FeatureSnapshot scored, Label label, Context ctx, Collector<TrainingExample> out)
      throws Exception {
    if (Boolean.valueOf(label.getFraud()).equals(joinedVerdict.value())) {
      repeated.inc();
      return;
    }
    joinedVerdict.update(label.getFraud());
    joined.inc();
    labelLagSeconds = (ctx.timerService().currentProcessingTime() - label.getLabelTime()) / 1000.0;
    out.collect(TrainingExample.of(scored, label));
  }
}
