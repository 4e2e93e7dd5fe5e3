package io.riskstream.scoring;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.model.CategoryIds;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.ModelUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test fixtures: scoring requests and model updates carrying really trained weights. */
final class ModelUpdates {
  static final ModelConfig CONFIG = ModelConfig.defaults(FeatureSpecs.DEFAULT.size());

  private ModelUpdates() {}

  static ModelUpdate update(long version, String group, int groupsInVersion, byte[] payload) {
    return ModelUpdate.newBuilder()
        .setModelId("test")
        .setVersion(version)
        .setParentVersion(version - 1)
        .setGroup(group)
        .setGroupsInVersion(groupsInVersion)
        .setPayload(ByteBuffer.wrap(payload))
        .setTrainedThrough(1_000 * version)
        .setTrainedExamples(10 * version)
        .setPublishedAt(0)
        .setMetrics(Map.of())
        .build();
  }

  /** The groups that {@link #trained} changes. */
  static final List<String> TRAINED_GROUPS = List.of("head", "gate");

  /** Every group a trained model changed, as one version. */
  static List<ModelUpdate> version(long version, FraudModel model) {
    List<ModelUpdate> updates = new ArrayList<>();
    for (String group : TRAINED_GROUPS) {
      updates.add(
          update(version, group, TRAINED_GROUPS.size(), model.exportGroup(group, "test", version)));
    }
    return updates;
  }

  /** A model trained a few steps away from the initial weights. */
  static FraudModel trained(long seed) {
    FraudModel model = FraudModel.create(CONFIG);
    try (OnlineTrainer trainer = new OnlineTrainer(model, TRAINED_GROUPS, 0.05f, 1f)) {
      Random random = new Random(seed);
      List<ScoringInput> batch = new ArrayList<>();
      float[] labels = new float[32];
      for (int i = 0; i < labels.length; i++) {
        batch.add(new ScoringInput(vector(random), new float[][] {vector(random)}));
        labels[i] = random.nextBoolean() ? 1 : 0;
      }
      for (int step = 0; step < 5; step++) {
        trainer.step(batch, labels);
      }
    }
    return model;
  }

  static ScoringRequest request(String id) {
    ScoringRequest request = new ScoringRequest();
    request.transactionId = id;
    request.cardId = "c-1";
    request.terminalId = "t-1";
    request.amount = 42;
    request.eventTime = 1_000;
    Random random = new Random(id.hashCode());
    request.features = vector(random);
    request.history = new float[][] {vector(random), vector(random)};
    request.historyIds = new String[] {id + "-prev-2", id + "-prev-1"};
    return request;
  }

  static ScoringInput input(ScoringRequest request) {
    return new ScoringInput(
        request.features,
        request.history,
        CategoryIds.of(request.terminalId, request.deviceId, request.ipAddress));
  }

  private static float[] vector(Random random) {
    float[] v = new float[CONFIG.featureDim()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
