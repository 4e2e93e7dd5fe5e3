package io.riskstream.learner;

import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the model on joined examples in mini-batches and emits each new version as one {@link
 * ModelUpdate} per changed parameter group.
 *
 * <p>Runs on a single constant key: there is one model, and keyed state gives it processing-time
 * timers and checkpointed weights. The published weights and version live in state, so a learner
 * restored from a checkpoint continues the version sequence instead of publishing duplicates.
 */
public class TrainerFunction extends KeyedProcessFunction<Integer, TrainingExample, ModelUpdate> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TrainerFunction.class);

  /** One event per candidate: published, or rejected by the update gate. */
  public static final OutputTag<ModelEvent> EVENTS =
      new OutputTag<>("model-events", TypeInformation.of(ModelEvent.class));

  private final ModelConfig modelConfig;
  private final LearnerSettings settings;
  private final String featureLayout;
  private final SavedModel initialModel;

  private transient ListState<TrainingExample> batch;
  private transient ValueState<Integer> batchSize;
  private transient ValueState<ModelLineage> lineage;
  private transient MapState<String, byte[]> weights;
  private transient FraudModel model;
  private transient OnlineTrainer trainer;
  private transient boolean weightsRestored;
  private transient Counter otherLayout;
  private transient ListState<TrainingExample> holdout;

  /** The newest held-back examples, as in {@link #holdout}; loaded from it once per key. */
  private transient ArrayDeque<TrainingExample> held;

  /** Examples in {@link #holdout}, trimmed list included: appended, rewritten only when long. */
  private transient int heldInState;

  private transient UpdateGate gate;
  private transient Counter gateRejections;

  /**
   * @param featureLayout the layout id the model's inputs follow: examples scored under another
   *     layout (a scorer not yet upgraded) are not trained on, and every update names the layout
   */
  public TrainerFunction(ModelConfig modelConfig, LearnerSettings settings, String featureLayout) {
    this(modelConfig, settings, featureLayout, null);
  }

  /**
   * @param initialModel the version to start from (e.g. one trained offline), or null for the
   *     seeded version 0; ignored once the learner has published, as its state then says more
   */
  public TrainerFunction(
      ModelConfig modelConfig,
      LearnerSettings settings,
      String featureLayout,
      SavedModel initialModel) {
    this.modelConfig = modelConfig;
    this.settings = settings;
    this.featureLayout = featureLayout;
    this.initialModel = initialModel;
  }

  @Override
  public void open(OpenContext openContext) {
    batch =
        getRuntimeContext().getListState(new ListStateDescriptor<>("batch", TrainingExample.class));
    batchSize = getRuntimeContext().getState(new ValueStateDescriptor<>("batch-size", Types.INT));
    lineage =
        getRuntimeContext().getState(new ValueStateDescriptor<>("lineage", ModelLineage.class));
    weights =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "published-weights",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    otherLayout = getRuntimeContext().getMetricGroup().counter("examplesOfAnotherLayout");
    holdout =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("holdout", TrainingExample.class));
    gate = new UpdateGate(settings.gate());
    gateRejections = getRuntimeContext().getMetricGroup().counter("gateRejections");
    model = FraudModel.create(modelConfig);
    if (initialModel != null) {
      initialModel.applyTo(model);
    }
    trainer =
        new OnlineTrainer(
            model, settings.trainableGroups(), settings.learningRate(), settings.positiveWeight());
  }

  @Override
  public void processElement(TrainingExample example, Context ctx, Collector<ModelUpdate> out)
      throws Exception {
    restoreWeightsOnce();
    if (!featureLayout.equals(example.featureLayout)) {
      otherLayout.inc();
      return;
    }
    if (settings.gate().heldBack(example.transactionId)) {
      holdBack(example);
      return;
    }
    batch.add(example);
    int size = batchSize.value() == null ? 1 : batchSize.value() + 1;
    batchSize.update(size);
    if (size == 1) {
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService().registerProcessingTimeTimer(now + settings.maxWait().toMillis());
    }
    if (size >= settings.batchSize()) {
      trainAndPublish(ctx.timerService().currentProcessingTime(), ctx, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ModelUpdate> out)
      throws Exception {
    restoreWeightsOnce();
    if (batchSize.value() != null) {
      trainAndPublish(timestamp, ctx, out);
    }
  }

  private void trainAndPublish(long now, Context ctx, Collector<ModelUpdate> out) throws Exception {
    List<ScoringInput> inputs = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    long newestLabel = 0;
    for (TrainingExample example : batch.get()) {
      inputs.add(example.input());
      labels.add(example.fraud ? 1f : 0f);
      newestLabel = Math.max(newestLabel, example.labelTime);
    }
    batch.clear();
    batchSize.clear();

    float[] y = new float[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    List<TrainingExample> held = new ArrayList<>(this.held);
    List<ScoringInput> heldInputs = new ArrayList<>(held.size());
    float[] heldLabels = new float[held.size()];
    for (int i = 0; i < heldLabels.length; i++) {
      heldInputs.add(held.get(i).input());
      heldLabels[i] = held.get(i).fraud ? 1f : 0f;
    }
    // Only what a rejection would need: the published weights and their held-back scores.
    float[] championScores = model.score(heldInputs);
    Map<String, byte[]> champion = new LinkedHashMap<>();
    if (!held.isEmpty()) {
      for (String group : trainer.trainableGroups()) {
        champion.put(group, model.exportGroup(group, settings.modelId(), 0));
      }
    }

    // The loss reported is the batch's loss before it was learned: an honest, prequential figure.
    float loss = trainer.step(inputs, y);
    for (int step = 1; step < settings.stepsPerBatch(); step++) {
      trainer.step(inputs, y);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", (double) loss);
    metrics.put("batch", (double) inputs.size());
    ModelLineage previous = lineage.value() == null ? startingLineage() : lineage.value();
    ModelLineage next = previous.next(newestLabel, inputs.size());
    String reason = "no held-back labels yet: not judged";
    if (!held.isEmpty()) {
      UpdateGate.Verdict verdict = gate.judge(heldLabels, championScores, model.score(heldInputs));
      reason = verdict.reason();
      if (!Double.isNaN(verdict.candidateAp())) {
        metrics.put("holdout_ap_before", verdict.championAp());
        metrics.put("holdout_ap", verdict.candidateAp());
      }
      metrics.put("holdout", (double) held.size());
      if (!verdict.accepted()) {
        // Not published: the model goes back to the weights the scorers have. The batch's labels
        // are not learned from.
        champion.forEach(model::importGroup);
        gateRejections.inc();
        LOG.warn("Update gate rejected the candidate after {} labels: {}", inputs.size(), reason);
        ctx.output(
            EVENTS, event(ModelEventKind.GATE_REJECTED, next, previous, reason, metrics, now));
        return;
      }
    }

    lineage.update(next);
    List<String> groups = trainer.trainableGroups();
    for (String group : groups) {
      byte[] payload = model.exportGroup(group, settings.modelId(), next.version);
      weights.put(group, payload);
      out.collect(
          ModelUpdate.newBuilder()
              .setModelId(settings.modelId())
              .setVersion(next.version)
              .setParentVersion(previous.version)
              .setGroup(group)
              .setGroupsInVersion(groups.size())
              .setPayload(ByteBuffer.wrap(payload))
              .setTrainedThrough(next.trainedThrough)
              .setTrainedExamples(next.trainedExamples)
              .setPublishedAt(now)
              .setMetrics(metrics)
              .setFeatureLayout(featureLayout)
              .build());
    }
    ctx.output(EVENTS, event(ModelEventKind.PUBLISHED, next, previous, reason, metrics, now));
  }

  private ModelEvent event(
      ModelEventKind kind,
      ModelLineage candidate,
      ModelLineage parent,
      String reason,
      Map<String, Double> metrics,
      long now) {
    return ModelEvent.newBuilder()
        .setModelId(settings.modelId())
        .setKind(kind)
        .setVersion(candidate.version)
        .setParentVersion(parent.version)
        .setReason(reason)
        .setMetrics(metrics)
        .setTrainedThrough(candidate.trainedThrough)
        .setAt(now)
        .build();
  }

  /**
   * Keeps the newest {@code holdoutSize} held-back examples. The state is appended to and rewritten
   * with just the newest ones only once it holds twice as many: rewriting the whole list for every
   * held-back label (re-serialising up to 2,000 examples each time) cost more than training.
   */
  private void holdBack(TrainingExample example) throws Exception {
    int size = settings.gate().holdoutSize();
    held.addLast(example);
    if (held.size() > size) {
      held.removeFirst();
    }
    holdout.add(example);
    heldInState++;
    if (heldInState > 2 * size) {
      holdout.update(new ArrayList<>(held));
      heldInState = held.size();
    }
  }

  private ModelLineage startingLineage() {
    return initialModel == null
        ? ModelLineage.initial()
        : ModelLineage.startingFrom(initialModel.version(), initialModel.trainedThrough());
  }

  /**
   * After a restore the model object is new: load the weights this learner last published, and the
   * held-back examples.
   */
  private void restoreWeightsOnce() throws Exception {
    if (weightsRestored) {
      return;
    }
    for (Map.Entry<String, byte[]> group : weights.entries()) {
      model.importGroup(group.getKey(), group.getValue());
    }
    held = new ArrayDeque<>();
    heldInState = 0;
    for (TrainingExample example : holdout.get()) {
      held.addLast(example);
      heldInState++;
      if (held.size() > settings.gate().holdoutSize()) {
        held.removeFirst();
      }
    }
    weightsRestored = true;
  }

  @Override
  public void close() {
    if (trainer != null) {
      trainer.close();
    }
    if (model != null) {
      model.close();
    }
  }
}
