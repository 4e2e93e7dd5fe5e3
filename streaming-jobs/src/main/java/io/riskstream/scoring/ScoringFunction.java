package io.riskstream.scoring;

import io.riskstream.features.ScoringRequest;
import io.riskstream.model.CategoryIds;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.PayloadHeader;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each request with the current model and emits the score plus, on {@link #SNAPSHOTS},
 * exactly what was scored. Model updates arrive on the broadcast side and are swapped in without a
 * restart; every score names the version that produced it.
 *
 * <p>Each parallel instance owns its model (DJL predictors and grad mode are per thread). A version
 * is swapped in whole or not at all: if any group's payload is rejected, the groups already loaded
 * are rolled back and the scorer keeps serving the version it had. The newest accepted record of
 * each group is kept in broadcast state, so a restored scorer rebuilds the model it was using.
 */
public class ScoringFunction extends BroadcastProcessFunction<ScoringRequest, ModelUpdate, Score> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ScoringFunction.class);

  public static final MapStateDescriptor<String, ModelUpdate> WEIGHTS =
      new MapStateDescriptor<>(
          "model-weights", Types.STRING, TypeInformation.of(ModelUpdate.class));
  public static final OutputTag<FeatureSnapshot> SNAPSHOTS =
      new OutputTag<>("feature-snapshots", TypeInformation.of(FeatureSnapshot.class));

  private final ModelConfig modelConfig;
  private final DecisionPolicy decisions;
  private final String featureLayout;
  private final List<String> featureNames;

  private transient FraudModel model;
  private transient VersionAssembler versions;
  private transient long servingVersion;
  private transient long trainedThrough;
  private transient boolean restored;
  private transient Counter rejectedVersions;

  public ScoringFunction(
      ModelConfig modelConfig,
      DecisionPolicy decisions,
      String featureLayout,
      List<String> featureNames) {
    this.modelConfig = modelConfig;
    this.decisions = decisions;
    this.featureLayout = featureLayout;
    this.featureNames = List.copyOf(featureNames);
  }

  @Override
  public void open(OpenContext openContext) {
    model = FraudModel.create(modelConfig);
    versions = new VersionAssembler(0);
    rejectedVersions = getRuntimeContext().getMetricGroup().counter("rejectedModelVersions");
    getRuntimeContext().getMetricGroup().gauge("modelVersion", (Gauge<Long>) () -> servingVersion);
  }

  @Override
  public void processElement(ScoringRequest request, ReadOnlyContext ctx, Collector<Score> out)
      throws Exception {
    restoreOnce(ctx.getBroadcastState(WEIGHTS));
    int[] categories = CategoryIds.of(request.terminalId, request.deviceId, request.ipAddress);
    ScoringInput input = new ScoringInput(request.features, request.history, categories);
    double score = model.score(List.of(input))[0];
    Decision decision = decisions.decide(score);
    ReasonCodes reasons =
        decision == Decision.APPROVE
            ? null
            : Reasons.of(
                model.explain(List.of(input), Reasons.TOP_FEATURES).get(0),
                request.historyIds,
                featureNames);
    out.collect(
        Score.newBuilder()
            .setTransactionId(request.transactionId)
            .setCardId(request.cardId)
            .setEventTime(request.eventTime)
            .setScore(score)
            .setDecision(decision)
            .setReasons(reasons)
            .setModelVersion(servingVersion)
            .setModelTrainedThrough(trainedThrough)
            .setScoredAt(System.currentTimeMillis())
            .build());
    ctx.output(
        SNAPSHOTS,
        FeatureSnapshot.newBuilder()
            .setTransactionId(request.transactionId)
            .setCardId(request.cardId)
            .setEventTime(request.eventTime)
            .setFeatureLayout(featureLayout)
            .setFeatures(FloatVectors.toList(request.features))
            .setHistory(FloatVectors.toLists(request.history))
            .setCategories(Arrays.stream(categories).boxed().toList())
            .setModelVersion(servingVersion)
            .setScore(score)
            .build());
  }

  @Override
  public void processBroadcastElement(ModelUpdate update, Context ctx, Collector<Score> out)
      throws Exception {
    BroadcastState<String, ModelUpdate> weights = ctx.getBroadcastState(WEIGHTS);
    restoreOnce(weights);
    Optional<List<ModelUpdate>> complete = versions.add(update);
    if (complete.isEmpty()) {
      return;
    }
    if (swapIn(complete.get())) {
      for (ModelUpdate group : complete.get()) {
        weights.put(group.getGroup(), group);
      }
      LOG.debug("Scoring with model version {}", servingVersion);
    } else {
      rejectedVersions.inc();
    }
  }

  /** After a restore the model object is new: load the groups kept in broadcast state. */
  private void restoreOnce(ReadOnlyBroadcastState<String, ModelUpdate> weights) throws Exception {
    if (restored) {
      return;
    }
    restored = true;
    List<ModelUpdate> groups = new ArrayList<>();
    for (Map.Entry<String, ModelUpdate> entry : weights.immutableEntries()) {
      groups.add(entry.getValue());
    }
    if (!groups.isEmpty() && swapIn(groups)) {
      versions = new VersionAssembler(servingVersion);
      LOG.info("Restored model version {}", servingVersion);
    }
  }

  /** Loads all groups or none; returns whether the model now serves their version. */
  private boolean swapIn(List<ModelUpdate> groups) {
    for (ModelUpdate group : groups) {
      if (group.getFeatureLayout() != null && !featureLayout.equals(group.getFeatureLayout())) {
        // Weights trained on other inputs would score garbage: never load them.
        LOG.error(
            "Rejected model version {}: trained on feature layout {}, this scorer uses {}",
            group.getVersion(),
            group.getFeatureLayout(),
            featureLayout);
        return false;
      }
    }
    Map<String, byte[]> previous = new LinkedHashMap<>();
    try {
      for (ModelUpdate group : groups) {
        previous.put(
            group.getGroup(), model.exportGroup(group.getGroup(), "previous", servingVersion));
        PayloadHeader header = model.importGroup(group.getGroup(), bytes(group.getPayload()));
        if (header.version() != group.getVersion()
            || !header.modelId().equals(group.getModelId())) {
          // The record and its payload disagree: a mis-wired publisher, never weights to trust.
          throw new IllegalArgumentException(
              "payload of group "
                  + group.getGroup()
                  + " is "
                  + header.modelId()
                  + " v"
                  + header.version()
                  + " but the update says "
                  + group.getModelId()
                  + " v"
                  + group.getVersion());
        }
      }
    } catch (IllegalArgumentException e) {
      // A bad payload must never take the scorer down or half-change the model.
      previous.forEach(model::importGroup);
      LOG.error(
          "Rejected model version {}, still serving version {}: {}",
          groups.get(0).getVersion(),
          servingVersion,
          e.getMessage());
      return false;
    }
    for (ModelUpdate group : groups) {
      servingVersion = Math.max(servingVersion, group.getVersion());
      trainedThrough = Math.max(trainedThrough, group.getTrainedThrough());
    }
    return true;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  @Override
  public void close() {
    if (model != null) {
      model.close();
    }
  }
}
