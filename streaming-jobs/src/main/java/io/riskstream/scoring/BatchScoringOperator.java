package io.riskstream.scoring;

import io.riskstream.features.ScoringRequest;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.SavedModel;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ModelUpdateKey;
import io.riskstream.schemas.Score;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The scoring operator: scoring requests on the first input are scored in micro-batches (see {@link
 * BatchLimits}), model updates on the second (broadcast) input are hot-swapped in between batches.
 * Emits one {@link Score} per request and, on {@link #SNAPSHOTS}, exactly what was scored.
 *
 * <p>An operator rather than a function because a batch must be emitted before anything that would
 * overtake it: a checkpoint barrier (so exactly-once sinks commit every score of the checkpoint and
 * nothing is kept in state), a watermark, and the end of input. Flink's processing time service
 * closes a batch whose first request has waited long enough; its callbacks run in the task thread,
 * the one thread that ever touches the model.
 *
 * <p>It starts from the configured initial model (e.g. trained offline), else from the seeded
 * version 0. The newest accepted record of each parameter group is kept in broadcast state, so a
 * restored scorer rebuilds the model it was serving. The state's name is the one the earlier
 * per-record scorer used, so its savepoints restore into this operator.
 */
public final class BatchScoringOperator extends AbstractStreamOperator<Score>
    implements TwoInputStreamOperator<ScoringRequest, ModelUpdate, Score>, ProcessingTimeCallback {
  private static final long serialVersionUID = 1L;

  public static final MapStateDescriptor<String, ModelUpdate> WEIGHTS =
      new MapStateDescriptor<>(
          "model-weights", Types.STRING, TypeInformation.of(ModelUpdate.class));
  public static final OutputTag<FeatureSnapshot> SNAPSHOTS =
      new OutputTag<>("feature-snapshots", TypeInformation.of(FeatureSnapshot.class));

  private final ModelConfig modelConfig;
  private final DevicePreference device;
  private final DecisionPolicy decisions;
  private final String featureLayout;
  private final List<String> featureNames;
  private final BatchLimits limits;
  private final SavedModel initialModel;

  private transient BroadcastState<String, ModelUpdate> weights;
  private transient Scorer scorer;
  private transient MicroBatch<StreamRecord<ScoringRequest>> batch;
  private transient int lastBatchSize;
  private transient EnumMap<Decision, Counter> scoresByDecision;

  public BatchScoringOperator(
      ModelConfig modelConfig,
      DevicePreference device,
      DecisionPolicy decisions,
      String featureLayout,
      List<String> featureNames,
      BatchLimits limits,
      SavedModel initialModel) {
    this.modelConfig = modelConfig;
    this.device = device;
    this.decisions = decisions;
    this.featureLayout = featureLayout;
    this.featureNames = List.copyOf(featureNames);
    this.limits = limits;
    this.initialModel = initialModel;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    weights = context.getOperatorStateStore().getBroadcastState(WEIGHTS);
  }

  @Override
  public void open() throws Exception {
    super.open();
    scorer = new Scorer(modelConfig, device, decisions, featureLayout, featureNames);
    batch = new MicroBatch<>(limits);
    if (initialModel != null) {
      scorer.startFrom(initialModel);
    }
    List<ModelUpdate> served = new ArrayList<>();
    for (Map.Entry<String, ModelUpdate> group : weights.immutableEntries()) {
      served.add(group.getValue());
    }
    scorer.restore(served);
    // The platform's metrics: in Prometheus, flink_taskmanager_job_task_operator_riskstream_….
    MetricGroup platform = getMetricGroup().addGroup("riskstream");
    platform.gauge("model_version", (Gauge<Long>) scorer::servingVersion);
    scoresByDecision = new EnumMap<>(Decision.class);
    for (Decision decision : Decision.values()) {
      scoresByDecision.put(
          decision, platform.addGroup("decision", decision.name()).counter("scores"));
    }
    getMetricGroup().gauge("rejectedModelVersions", (Gauge<Long>) scorer::rejectedVersions);
    getMetricGroup().gauge("lastBatchSize", (Gauge<Integer>) () -> lastBatchSize);
  }

  @Override
  public void processElement1(StreamRecord<ScoringRequest> element) throws Exception {
    long now = getProcessingTimeService().getCurrentProcessingTime();
    // A copy: the record object may be reused by the runtime once this call returns.
    boolean wasEmpty = batch.isEmpty();
    boolean full = batch.add(element.copy(element.getValue()), now);
    if (full || batch.deadline() <= now) {
      flush();
    } else if (wasEmpty) {
      getProcessingTimeService().registerTimer(batch.deadline(), this);
    }
  }

  @Override
  public void onProcessingTime(long time) throws Exception {
    // Timers of batches that filled up early fire later for nothing; only a due batch goes.
    if (!batch.isEmpty() && batch.deadline() <= time) {
      flush();
    }
  }

  @Override
  public void processElement2(StreamRecord<ModelUpdate> element) throws Exception {
    Optional<List<ModelUpdate>> served = scorer.accept(element.getValue());
    if (served.isPresent()) {
      for (ModelUpdate record : served.get()) {
        weights.put(ModelUpdateKey.of(record), record);
      }
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flush(); // the scores are as old as their requests: they go before the watermark
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush(); // nothing buffered crosses a checkpoint, so the buffer needs no state
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<StreamRecord<ScoringRequest>> records = batch.drain();
    List<ScoringRequest> requests = new ArrayList<>(records.size());
    for (StreamRecord<ScoringRequest> record : records) {
      requests.add(record.getValue());
    }
    List<Scorer.Scored> scored = scorer.score(requests);
    for (int i = 0; i < scored.size(); i++) {
      StreamRecord<ScoringRequest> source = records.get(i);
      scoresByDecision.get(scored.get(i).score().getDecision()).inc();
      output.collect(withTimestampOf(source, scored.get(i).score()));
      output.collect(SNAPSHOTS, withTimestampOf(source, scored.get(i).snapshot()));
    }
    lastBatchSize = records.size();
  }

  private static <T> StreamRecord<T> withTimestampOf(StreamRecord<?> source, T value) {
    return source.hasTimestamp()
        ? new StreamRecord<>(value, source.getTimestamp())
        : new StreamRecord<>(value);
  }

  @Override
  public void close() throws Exception {
    if (scorer != null) {
      scorer.close();
    }
    super.close();
  }
}
