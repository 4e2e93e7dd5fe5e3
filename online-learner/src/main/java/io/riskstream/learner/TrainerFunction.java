package io.riskstream.learner;

import io.riskstream.learner.challenger.ChallengerRecord;
import io.riskstream.learner.drift.DriftReaction;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.ParameterGroups;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.ModelControl;
import io.riskstream.schemas.ModelControlKind;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
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
 *
 * <p>The second input carries operators' requests ({@link ModelControl}): a rollback publishes an
 * archived version again as the newest, so the learner stays the only writer of version numbers and
 * goes on training from the weights it rolled back to.
 */
public class TrainerFunction
    extends KeyedCoProcessFunction<Integer, TrainingExample, ModelControl, ModelUpdate> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TrainerFunction.class);

  /** One event per candidate: published, or rejected by the update gate. */
  public static final OutputTag<ModelEvent> EVENTS =
      new OutputTag<>("model-events", TypeInformation.of(ModelEvent.class));

  /** Every this many versions the embedding table is published in full, not as a row delta. */
  static final int TABLE_SNAPSHOT_EVERY = 50;

  /** Published versions kept for a rollback (the newest ones). */
  static final int ARCHIVED_VERSIONS = 200;

  /** Requests older than this are stale (e.g. re-read by a learner started afresh): ignored. */
  static final long CONTROL_TIMEOUT_MS = 10 * 60_000L;

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

  /** The published weights' scores of {@link #held}, in its order; null when not known. */
  private transient ArrayDeque<Float> heldScores;

  private transient Counter alreadyLearned;
  private transient UpdateGate gate;
  private transient Counter gateRejections;
  private transient MapState<Long, byte[]> archive;
  private transient ValueState<byte[]> prequential;

  /**
   * {@link #prequential} deserialized, once per key after a (re)start: a batch read it several
   * times, each a Java deserialization of its windows and the challenger.
   */
  private transient Prequential watch;

  private transient ValueState<Integer> boostedBatchesLeft;
  private transient ValueState<Long> tableSnapshotVersion;
  private transient ValueState<int[]> rowsSinceSnapshot;
  private transient ValueState<String> resetGroup;
  private transient Counter driftDetections;

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
    alreadyLearned = getRuntimeContext().getMetricGroup().counter("examplesAlreadyLearned");
    holdout =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("holdout", TrainingExample.class));
    gate = new UpdateGate(settings.gate());
    gateRejections =
        getRuntimeContext().getMetricGroup().addGroup("riskstream").counter("gate_rejections");
    archive =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "archive", Types.LONG, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    // Plain Java objects whole, in bytes: no generic serializer guesses their shape.
    prequential =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "prequential", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    boostedBatchesLeft =
        getRuntimeContext().getState(new ValueStateDescriptor<>("boosted-batches", Types.INT));
    driftDetections = getRuntimeContext().getMetricGroup().counter("driftDetections");
    tableSnapshotVersion =
        getRuntimeContext().getState(new ValueStateDescriptor<>("table-snapshot", Types.LONG));
    rowsSinceSnapshot =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "rows-since-snapshot", PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO));
    resetGroup = getRuntimeContext().getState(new ValueStateDescriptor<>("reset", Types.STRING));
    model = startingModel();
    trainer = new OnlineTrainer(model, settings.plan());
  }

  private FraudModel startingModel() {
    FraudModel fresh = FraudModel.create(modelConfig);
    if (initialModel != null) {
      initialModel.applyTo(fresh);
    }
    return fresh;
  }

  /** A trainer with fresh optimizer state, its step sizes raised while a drift boost lasts. */
  private OnlineTrainer newTrainer() throws Exception {
    trainer.close();
    Integer boosted = boostedBatchesLeft.value();
    if (boosted != null
        && boosted > 0
        && settings.drift().reaction() instanceof DriftReaction.RaiseLearningRate raise) {
      return new OnlineTrainer(model, settings.plan().scaled(raise.factor()));
    }
    return new OnlineTrainer(model, settings.plan());
  }

  @Override
  public void processElement1(TrainingExample example, Context ctx, Collector<ModelUpdate> out)
      throws Exception {
    restoreWeightsOnce();
    if (!featureLayout.equals(example.featureLayout)) {
      otherLayout.inc();
      return;
    }
    if (initialModel != null && example.eventTime <= initialModel.trainedThrough()) {
      // The initial model was fitted on transactions up to then: learning them again would count
      // them twice (and costs a replay's warm-up most of its time).
      alreadyLearned.inc();
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
      trainAndPublish(ctx.timerService().currentProcessingTime(), ctx, out);
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
    // What a rejection needs: the published weights, their norms and held-back scores.
    float[] championScores = championHeldScores(heldInputs);
    ModelLineage previous = lineage.value() == null ? startingLineage() : lineage.value();
    Map<String, byte[]> champion = exportTrainable(previous.version);
    Map<String, Double> championNorms = norms();
    if (archive.isEmpty()) {
      // The version the learner starts from can be rolled back to as well.
      archive(previous, champion);
    }

    Prequential.Outcome observed = observe(inputs, y);

    // The loss reported is the batch's loss before it was learned: an honest, prequential figure.
    float loss = trainer.step(inputs, y);
    Set<String> changed = new LinkedHashSet<>(trainer.lastChangedGroups());
    SortedSet<Integer> rows = new TreeSet<>();
    addAll(rows, trainer.lastChangedRows());
    boolean finite = Float.isFinite(loss);
    for (int step = 1; finite && step < settings.stepsPerBatch(); step++) {
      finite = Float.isFinite(trainer.step(inputs, y));
      changed.addAll(trainer.lastChangedGroups());
      addAll(rows, trainer.lastChangedRows());
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", (double) loss);
    metrics.put("batch", (double) inputs.size());
    metrics.putAll(watch().figures());
    ModelLineage next = previous.next(newestLabel, inputs.size());
    UpdateGate.Verdict verdict =
        finite
            ? gate.checkNorms(championNorms, norms())
            : new UpdateGate.Verdict(
                false, "the batch's loss or gradients are not finite", Double.NaN, Double.NaN);
    String reason = "no held-back labels yet: not judged";
    if (verdict.accepted() && !held.isEmpty()) {
      float[] candidateScores = model.score(heldInputs);
      verdict = gate.judge(heldLabels, championScores, candidateScores);
      if (verdict.accepted()) {
        heldScores = deque(candidateScores);
      }
      if (!Double.isNaN(verdict.candidateAp())) {
        metrics.put("holdout_ap_before", verdict.championAp());
        metrics.put("holdout_ap", verdict.candidateAp());
      }
      metrics.put("holdout", (double) held.size());
    }
    if (!verdict.accepted() || !held.isEmpty()) {
      reason = verdict.reason();
    }
    if (!verdict.accepted()) {
      // Not published: the model goes back to the weights the scorers have. The batch's labels
      // are not learned from.
      champion.forEach(model::importGroup);
      gateRejections.inc();
      LOG.warn("Update gate rejected the candidate after {} labels: {}", inputs.size(), reason);
      ctx.output(
          EVENTS,
          event(ModelEventKind.GATE_REJECTED, next, previous.version, reason, metrics, now, null));
    } else {
      if (resetGroup.value() != null) {
        changed.add(resetGroup.value());
        resetGroup.clear();
      }
      publish(next, previous.version, changed, toArray(rows), metrics, now, out);
      ctx.output(
          EVENTS,
          event(ModelEventKind.PUBLISHED, next, previous.version, reason, metrics, now, null));
    }
    ModelLineage current = lineage.value() == null ? previous : lineage.value();
    if (observed.leaderChanged()) {
      ctx.output(EVENTS, challengerReport(current, metrics, now));
    }
    if (observed.decidesChanged()) {
      boolean decides = watch().challengerDecides();
      String why =
          decides
              ? "the challenger beats the champion by more than the margin: scorers decide with it"
                  + " from the next published version"
              : "the champion beats the challenger by more than the margin again: scorers decide"
                  + " with the champion from the next published version";
      LOG.warn("Challenger {}: {}", decides ? "promoted" : "demoted", why);
      ctx.output(
          EVENTS,
          event(
              decides ? ModelEventKind.CHALLENGER_PROMOTED : ModelEventKind.CHALLENGER_DEMOTED,
              current,
              current.version,
              why,
              metrics,
              now,
              null));
    }
    afterBatch(observed, current, metrics, now, ctx);
  }

  /** The champion's scores before learning, for drift and the challenger's comparison. */
  private Prequential.Outcome observe(List<ScoringInput> inputs, float[] y) throws Exception {
    Prequential watch = watch();
    List<float[]> features = new ArrayList<>(inputs.size());
    inputs.forEach(input -> features.add(input.current()));
    Prequential.Outcome outcome = watch.observe(features, y, model.score(inputs));
    prequential.update(InstantiationUtil.serializeObject(watch));
    return outcome;
  }

  private Prequential watch() throws Exception {
    if (watch == null) {
      byte[] stored = prequential.value();
      watch =
          stored == null
              ? new Prequential(settings.drift(), settings.challenger(), modelConfig.featureDim())
              : InstantiationUtil.deserializeObject(stored, getClass().getClassLoader());
    }
    return watch;
  }

  private ModelEvent challengerReport(ModelLineage current, Map<String, Double> m, long now) {
    String reason =
        String.format(
            Locale.ROOT,
            "the FTRL challenger's prequential average precision %.4f is now %s the champion's"
                + " %.4f over the last %.0f labels",
            m.get("challenger_ap"),
            m.get("challenger_ap") > m.get("prequential_ap") ? "above" : "below",
            m.get("prequential_ap"),
            m.get("prequential_window"));
    return event(ModelEventKind.CHALLENGER_REPORT, current, current.version, reason, m, now, null);
  }

  /** Reacts to drift, and ends a learning-rate boost once its batches are spent. */
  private void afterBatch(
      Prequential.Outcome observed,
      ModelLineage current,
      Map<String, Double> metrics,
      long now,
      Context ctx)
      throws Exception {
    Integer boosted = boostedBatchesLeft.value();
    if (boosted != null && boosted > 0) {
      boostedBatchesLeft.update(boosted - 1);
      if (boosted == 1) {
        trainer = newTrainer();
      }
    }
    if (!observed.drift()) {
      return;
    }
    driftDetections.inc();
    DriftReaction reaction = settings.drift().reaction();
    String done;
    if (reaction instanceof DriftReaction.RaiseLearningRate raise) {
      boostedBatchesLeft.update(raise.batches());
      trainer = newTrainer();
      done =
          "step sizes raised " + raise.factor() + "x for the next " + raise.batches() + " batches";
    } else if (reaction instanceof DriftReaction.ResetGroup reset) {
      try (FraudModel start = startingModel()) {
        model.importGroup(
            reset.group(), start.exportGroup(reset.group(), settings.modelId(), current.version));
      }
      heldScores = null;
      resetGroup.update(reset.group());
      trainer = newTrainer();
      done =
          "group "
              + reset.group()
              + " reset to its starting weights (published with the next"
              + " version)";
    } else {
      done = "no reaction configured";
    }
    Map<String, Double> figures = new LinkedHashMap<>(metrics);
    figures.put("mean_error", observed.meanError());
    String reason =
        String.format(
            Locale.ROOT,
            "Page-Hinkley: the champion's prequential error rose (running mean %.4f); %s",
            observed.meanError(),
            done);
    LOG.warn("Drift detected at version {}: {}", current.version, reason);
    ctx.output(
        EVENTS,
        event(ModelEventKind.DRIFT_DETECTED, current, current.version, reason, figures, now, null));
  }

  /** The operator's requests: a rollback republishes an archived version as the newest. */
  @Override
  public void processElement2(ModelControl control, Context ctx, Collector<ModelUpdate> out)
      throws Exception {
    restoreWeightsOnce();
    long now = ctx.timerService().currentProcessingTime();
    if (!settings.modelId().equals(control.getModelId())) {
      LOG.info(
          "Ignored a request for model {}: this learner trains {}",
          control.getModelId(),
          settings.modelId());
      return;
    }
    if (now - control.getRequestedAt() > CONTROL_TIMEOUT_MS) {
      LOG.warn("Ignored stale request {} of {}", control.getRequestId(), control.getRequestedAt());
      return;
    }
    if (control.getKind() != ModelControlKind.ROLLBACK) {
      LOG.warn("Ignored request {} of unknown kind", control.getRequestId());
      return;
    }
    ModelLineage current = lineage.value() == null ? startingLineage() : lineage.value();
    long target = control.getToVersion();
    byte[] archived = archive.get(target);
    if (archived == null || target == current.version) {
      String reason =
          target == current.version
              ? "version " + target + " is already the newest"
              : "version " + target + " is not in the learner's archive, which keeps " + kept();
      ctx.output(
          EVENTS,
          event(
              ModelEventKind.ROLLBACK_REFUSED,
              current,
              current.version,
              reason,
              Map.of(),
              now,
              control.getRequestId()));
      return;
    }
    ArchivedVersion version = ArchivedVersion.decode(archived);
    version.groups().forEach(model::importGroup);
    heldScores = null;
    // Fresh optimizer state: the moments belong to the trajectory being abandoned.
    trainer = newTrainer();
    ModelLineage next =
        new ModelLineage(current.version + 1, version.trainedThrough(), version.trainedExamples());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("rolled_back_to", (double) target);
    metrics.put("rolled_back_from", (double) current.version);
    // In full (null rows): the scorers may hold deltas on top of another snapshot of the table.
    publish(next, target, version.groups().keySet(), null, metrics, now, out);
    LOG.warn("Rolled back to version {} as version {}", target, next.version);
    ctx.output(
        EVENTS,
        event(
            ModelEventKind.ROLLED_BACK,
            next,
            target,
            "version "
                + target
                + " republished as "
                + next.version
                + " (was "
                + current.version
                + ")",
            metrics,
            now,
            control.getRequestId()));
  }

  /**
   * Emits version {@code next}: a record per changed group (the embedding table as the rows changed
   * since its last full payload, which goes out every {@link #TABLE_SNAPSHOT_EVERY} versions or
   * once a quarter of the table changed), and makes the weights the published ones.
   *
   * @param changedRows the table rows changed since the last version, or null to publish in full
   */
  private void publish(
      ModelLineage next,
      long parentVersion,
      Collection<String> changedGroups,
      int[] changedRows,
      Map<String, Double> metrics,
      long now,
      Collector<ModelUpdate> out)
      throws Exception {
    lineage.update(next);
    // Every trained group in full, once: the changed ones go out, all of them are archived.
    Map<String, byte[]> payloads = exportTrainable(next.version);
    Collection<String> groups = changedGroups.isEmpty() ? payloads.keySet() : changedGroups;
    List<ModelUpdate.Builder> records = new ArrayList<>();
    for (String group : groups) {
      byte[] full = payloads.get(group);
      weights.put(group, full);
      Long base = tableDeltaBase(group, next.version, changedRows);
      byte[] payload =
          base == null
              ? full
              : model.exportRowDelta(
                  group, rowsSinceSnapshot.value(), settings.modelId(), next.version, base);
      records.add(record(next, parentVersion, group, payload, metrics, now).setBaseVersion(base));
    }
    if (settings.challenger() != null) {
      // The challenger goes out with every version, so scorers score it beside the champion.
      Prequential watch = watch();
      Map<String, Double> challengerMetrics = new LinkedHashMap<>(metrics);
      challengerMetrics.put(ChallengerRecord.DECIDES, watch.challengerDecides() ? 1.0 : 0.0);
      byte[] challenger = watch.challengerModel().toBytes();
      records.add(
          record(next, parentVersion, ChallengerRecord.GROUP, challenger, challengerMetrics, now));
    }
    for (ModelUpdate.Builder record : records) {
      out.collect(record.setGroupsInVersion(records.size()).build());
    }
    archive(next, payloads);
  }

  private ModelUpdate.Builder record(
      ModelLineage next,
      long parentVersion,
      String group,
      byte[] payload,
      Map<String, Double> metrics,
      long now) {
    return ModelUpdate.newBuilder()
        .setModelId(settings.modelId())
        .setVersion(next.version)
        .setParentVersion(parentVersion)
        .setGroup(group)
        .setPayload(ByteBuffer.wrap(payload))
        .setTrainedThrough(next.trainedThrough)
        .setTrainedExamples(next.trainedExamples)
        .setPublishedAt(now)
        .setMetrics(metrics)
        .setFeatureLayout(featureLayout);
  }

  /**
   * For the embedding table: the version of the full payload a row delta builds on, with the
   * changed rows noted; null when the group goes out in full (and becomes the new base).
   */
  private Long tableDeltaBase(String group, long version, int[] changedRows) throws Exception {
    if (!ParameterGroups.EMBEDDINGS.equals(group) || modelConfig.categorySlots() == 0) {
      return null;
    }
    Long snapshot = tableSnapshotVersion.value();
    long base = snapshot == null ? startingLineage().version : snapshot;
    SortedSet<Integer> rows = new TreeSet<>();
    addAll(rows, rowsSinceSnapshot.value());
    addAll(rows, changedRows);
    if (changedRows == null
        || version - base >= TABLE_SNAPSHOT_EVERY
        || rows.size() > modelConfig.hashBuckets() / 4) {
      tableSnapshotVersion.update(version);
      rowsSinceSnapshot.clear();
      return null;
    }
    rowsSinceSnapshot.update(toArray(rows));
    return base;
  }

  private static void addAll(SortedSet<Integer> rows, int[] more) {
    if (more != null) {
      for (int row : more) {
        rows.add(row);
      }
    }
  }

  private static int[] toArray(SortedSet<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private void archive(ModelLineage version, Map<String, byte[]> payloads) throws Exception {
    archive.put(
        version.version,
        new ArchivedVersion(
                version.version, version.trainedThrough, version.trainedExamples, payloads)
            .encode());
    archive.remove(version.version - ARCHIVED_VERSIONS);
  }

  private String kept() throws Exception {
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (Long version : archive.keys()) {
      oldest = Math.min(oldest, version);
      newest = Math.max(newest, version);
    }
    return oldest > newest ? "no versions yet" : "versions " + oldest + " to " + newest;
  }

  private Map<String, byte[]> exportTrainable(long version) {
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    for (String group : trainer.trainableGroups()) {
      payloads.put(group, model.exportGroup(group, settings.modelId(), version));
    }
    return payloads;
  }

  private Map<String, Double> norms() {
    Map<String, Double> norms = new LinkedHashMap<>();
    for (String group : trainer.trainableGroups()) {
      norms.put(group, model.weightNorm(group));
    }
    return norms;
  }

  private ModelEvent event(
      ModelEventKind kind,
      ModelLineage candidate,
      long parentVersion,
      String reason,
      Map<String, Double> metrics,
      long now,
      String requestId) {
    return ModelEvent.newBuilder()
        .setModelId(settings.modelId())
        .setKind(kind)
        .setVersion(candidate.version)
        .setParentVersion(parentVersion)
        .setRequestId(requestId)
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
      // The scores cover the oldest examples; the newest wait to be scored with the next check.
      if (heldScores != null && !heldScores.isEmpty()) {
        heldScores.removeFirst();
      }
    }
    holdout.add(example);
    heldInState++;
    if (heldInState > 2 * size) {
      holdout.update(new ArrayList<>(held));
      heldInState = held.size();
    }
  }

  /**
   * The published weights' scores of the held-back examples. Kept beside them (those held back
   * since the last check are scored together, an accepted candidate's scores become the
   * champion's), so a gate check costs one pass over the holdout instead of two.
   */
  private float[] championHeldScores(List<ScoringInput> heldInputs) {
    if (heldScores == null || heldScores.size() > heldInputs.size()) {
      heldScores = deque(model.score(heldInputs));
    } else if (heldScores.size() < heldInputs.size()) {
      // Those held back since the last check, in one pass: the model is still the published one.
      for (float score : model.score(heldInputs.subList(heldScores.size(), heldInputs.size()))) {
        heldScores.addLast(score);
      }
    }
    float[] scores = new float[heldScores.size()];
    int i = 0;
    for (float score : heldScores) {
      scores[i++] = score;
    }
    return scores;
  }

  private static ArrayDeque<Float> deque(float[] scores) {
    ArrayDeque<Float> deque = new ArrayDeque<>(scores.length);
    for (float score : scores) {
      deque.addLast(score);
    }
    return deque;
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
    Integer boosted = boostedBatchesLeft.value();
    if (boosted != null && boosted > 0) {
      trainer = newTrainer();
    }
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
