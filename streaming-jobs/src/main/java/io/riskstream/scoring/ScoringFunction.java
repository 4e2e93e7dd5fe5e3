package io.riskstream.scoring;

import io.riskstream.features.FeatureLayout;
import io.riskstream.features.ScoringRequest;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
 * <p>Each parallel instance owns its model (DJL predictors and grad mode are per thread). The
 * newest record of each parameter group is kept in broadcast state, so a restored scorer rebuilds
 * the model it was using.
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

  private transient FraudModel model;
  private transient VersionAssembler versions;
  private transient long trainedThrough;
  private transient boolean restored;

  public ScoringFunction(ModelConfig modelConfig, DecisionPolicy decisions) {
    this.modelConfig = modelConfig;
    this.decisions = decisions;
  }

  @Override
  public void open(OpenContext openContext) {
    model = FraudModel.create(modelConfig);
    versions = new VersionAssembler(0);
    getRuntimeContext()
        .getMetricGroup()
        .gauge("modelVersion", (Gauge<Long>) () -> versions.appliedVersion());
  }

  @Override
  public void processElement(ScoringRequest request, ReadOnlyContext ctx, Collector<Score> out)
      throws Exception {
    if (!restored) {
      restore(ctx.getBroadcastState(WEIGHTS));
    }
    double score = model.score(List.of(new ScoringInput(request.features, request.history)))[0];
    long version = versions.appliedVersion();
    out.collect(
        Score.newBuilder()
            .setTransactionId(request.transactionId)
            .setCardId(request.cardId)
            .setEventTime(request.eventTime)
            .setScore(score)
            .setDecision(decisions.decide(score))
            .setModelVersion(version)
            .setModelTrainedThrough(trainedThrough)
            .setScoredAt(System.currentTimeMillis())
            .build());
    ctx.output(
        SNAPSHOTS,
        FeatureSnapshot.newBuilder()
            .setTransactionId(request.transactionId)
            .setCardId(request.cardId)
            .setEventTime(request.eventTime)
            .setFeatureLayout(FeatureLayout.ID)
            .setFeatures(FloatVectors.toList(request.features))
            .setHistory(FloatVectors.toLists(request.history))
            .setModelVersion(version)
            .setScore(score)
            .build());
  }

  @Override
  public void processBroadcastElement(ModelUpdate update, Context ctx, Collector<Score> out)
      throws Exception {
    BroadcastState<String, ModelUpdate> weights = ctx.getBroadcastState(WEIGHTS);
    if (!restored) {
      restore(weights);
    }
    Optional<List<ModelUpdate>> complete = versions.add(update);
    if (complete.isPresent()) {
      importAll(complete.get());
      for (ModelUpdate group : complete.get()) {
        weights.put(group.getGroup(), group);
      }
      LOG.debug("Scoring with model version {}", versions.appliedVersion());
    }
  }

  /** Loads the newest record of every group kept in broadcast state (after a restore). */
  private void restore(ReadOnlyBroadcastState<String, ModelUpdate> weights) throws Exception {
    restored = true;
    List<ModelUpdate> groups = new ArrayList<>();
    for (Map.Entry<String, ModelUpdate> entry : weights.immutableEntries()) {
      groups.add(entry.getValue());
    }
    if (!groups.isEmpty()) {
      importAll(groups);
      versions =
          new VersionAssembler(groups.stream().mapToLong(ModelUpdate::getVersion).max().orElse(0));
      LOG.info("Restored model version {}", versions.appliedVersion());
    }
  }

  private void importAll(List<ModelUpdate> groups) {
    for (ModelUpdate group : groups) {
      byte[] payload = new byte[group.getPayload().remaining()];
      group.getPayload().duplicate().get(payload);
      try {
        model.importGroup(group.getGroup(), payload);
      } catch (IllegalArgumentException e) {
        // A bad payload must never take the scorer down: keep scoring with the weights we have.
        LOG.error(
            "Rejected group {} of model version {}: {}",
            group.getGroup(),
            group.getVersion(),
            e.getMessage());
        continue;
      }
      trainedThrough = Math.max(trainedThrough, group.getTrainedThrough());
    }
  }

  @Override
  public void close() {
    if (model != null) {
      model.close();
    }
  }
}
