package io.riskstream.features;

import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One entity's stage (keyed by card, terminal, device or IP): transactions in event-time order get
 * the entity's features; labels update its fraud counts. Records that do not name the entity (no
 * device) pass through with zeros. Late records are still featured and forwarded — a payment must
 * be scored — and copied to {@link #LATE} so they are counted and visible.
 */
public class EntityFeatureFunction
    extends KeyedCoProcessFunction<String, FeatureRecord, LabelEvent, FeatureRecord> {
  private static final long serialVersionUID = 1L;

  /** Key of records that do not name the entity. */
  public static final String NONE = "";

  public static final OutputTag<FeatureRecord> LATE =
      new OutputTag<>("late-transactions", TypeInformation.of(FeatureRecord.class));

  private final EntityFeatures features;
  private final Duration stateTtl;
  private final Duration maxHold;
  private transient ValueState<EntityState> state;
  private transient EventTimeOrder<FeatureRecord> order;
  private transient Counter late;

  /**
   * @param maxHold the longest a transaction waits for the watermark in processing time (live);
   *     zero to wait for the watermark only (replays)
   */
  public EntityFeatureFunction(FeatureSpec spec, Entity entity, Duration maxHold) {
    this.maxHold = maxHold;
    this.features = new EntityFeatures(spec, entity);
    // Idle entities go away: a little longer than the longest window anything looks back.
    this.stateTtl = spec.memory(entity).plus(Duration.ofDays(1));
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<EntityState> descriptor =
        new ValueStateDescriptor<>(features.entity().prefix() + "-state", EntityState.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl).build());
    state = getRuntimeContext().getState(descriptor);
    order =
        new EventTimeOrder<>(
            getRuntimeContext(), "waiting-transactions", FeatureRecord.class, maxHold);
    late = getRuntimeContext().getMetricGroup().counter("lateTransactions");
  }

  @Override
  public void processElement1(FeatureRecord record, Context ctx, Collector<FeatureRecord> out)
      throws Exception {
    if (NONE.equals(ctx.getCurrentKey())) {
      out.collect(record);
    } else if (!order.hold(record, record.eventTime, ctx.timerService())) {
      if (!record.late) {
        record.late = true;
        late.inc();
        ctx.output(LATE, record);
      }
      feature(record, out);
    }
  }

  @Override
  public void processElement2(LabelEvent label, Context ctx, Collector<FeatureRecord> out)
      throws Exception {
    if (!NONE.equals(ctx.getCurrentKey())) {
      EntityState current = current();
      features.onLabel(current, label);
      state.update(current);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeatureRecord> out)
      throws Exception {
    for (FeatureRecord record : order.due(timestamp, ctx.timeDomain(), ctx.timerService())) {
      feature(record, out);
    }
  }

  private void feature(FeatureRecord record, Collector<FeatureRecord> out) throws Exception {
    EntityState current = current();
    features.onTransaction(current, record);
    state.update(current);
    out.collect(record);
  }

  private EntityState current() throws Exception {
    EntityState current = state.value();
    // A state from a savepoint of an older spec is brought to this one's layout on first use.
    return current == null ? features.newState() : features.adapt(current);
  }
}
