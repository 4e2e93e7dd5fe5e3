package io.riskstream.scoring;

import io.riskstream.features.ScoringRequest;
import io.riskstream.learner.challenger.ChallengerRecord;
import io.riskstream.learner.challenger.FtrlModelData;
import io.riskstream.learner.challenger.ShadowChallenger;
import io.riskstream.model.CategoryIds;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.Explanation;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.PayloadHeader;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ModelUpdateKey;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores batches of requests with the current model and swaps in new versions as their groups
 * arrive. No Flink here: the scoring operator buffers and emits, this class decides.
 *
 * <p>A version is swapped in whole or not at all: if any group's payload is rejected, the groups
 * already loaded are rolled back and the scorer keeps serving the version it had. Not thread-safe;
 * one per scoring task, as DJL advises for predictors.
 */
public final class Scorer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scorer.class);

  private final FraudModel model;
  private final DecisionPolicy decisions;
  private final String featureLayout;
  private final List<String> featureNames;
  private VersionAssembler versions = new VersionAssembler(0);
  private long startVersion;
  private Map<String, Long> fullVersions = new HashMap<>();
  private FtrlModelData challenger;
  private boolean challengerDecides;
  private long servingVersion;
  private long trainedThrough;
  private long rejectedVersions;

  /** What one request became: the score and exactly what was scored. */
  public record Scored(Score score, FeatureSnapshot snapshot) {}

  public Scorer(
      ModelConfig modelConfig,
      DevicePreference device,
      DecisionPolicy decisions,
      String featureLayout,
      List<String> featureNames) {
    this.model = FraudModel.create(modelConfig, device);
    this.decisions = decisions;
    this.featureLayout = featureLayout;
    this.featureNames = List.copyOf(featureNames);
  }

  /**
   * Serves {@code initial} (e.g. the version trained offline) until a newer one arrives. The
   * platform settings have checked that it was trained on this scorer's feature layout.
   *
   * @throws IllegalArgumentException when its network has another shape
   */
  public void startFrom(SavedModel initial) {
    initial.applyTo(model);
    servingVersion = initial.version();
    startVersion = servingVersion;
    trainedThrough = initial.trainedThrough();
    versions = new VersionAssembler(servingVersion);
  }

  /**
   * Scores the batch in one forward pass; the flagged ones (not approved) get their reason codes
   * from one more pass over just them. Results are in request order.
   */
  public List<Scored> score(List<ScoringRequest> requests) {
    List<ScoringInput> inputs = new ArrayList<>(requests.size());
    for (ScoringRequest request : requests) {
      int[] categories = CategoryIds.of(request.terminalId, request.deviceId, request.ipAddress);
      inputs.add(new ScoringInput(request.features, request.history, categories));
    }
    float[] champion = model.score(inputs);
    float[] shadow = challenger == null ? null : challengerScores(inputs);
    // The promoted challenger decides; the champion's explanation still says what its network read.
    float[] scores = challengerDecides && shadow != null ? shadow : champion;
    String decidedBy = scores == shadow ? "challenger" : "champion";
    Decision[] decided = new Decision[scores.length];
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      decided[i] = decisions.decide(scores[i]);
      if (decided[i] != Decision.APPROVE) {
        flagged.add(i);
      }
    }
    ReasonCodes[] reasons = explain(requests, inputs, flagged);
    long scoredAt = System.currentTimeMillis();
    List<Scored> results = new ArrayList<>(requests.size());
    for (int i = 0; i < scores.length; i++) {
      Score.Builder score =
          Score.newBuilder()
              .setScore(scores[i])
              .setDecision(decided[i])
              .setReasons(reasons[i])
              .setChallengerScore(shadow == null ? null : (double) shadow[i])
              .setDecidedBy(decidedBy)
              .setScoredAt(scoredAt);
      results.add(scored(requests.get(i), inputs.get(i), score));
    }
    return results;
  }

  private ReasonCodes[] explain(
      List<ScoringRequest> requests, List<ScoringInput> inputs, List<Integer> flagged) {
    ReasonCodes[] reasons = new ReasonCodes[requests.size()];
    if (flagged.isEmpty()) {
      return reasons;
    }
    List<ScoringInput> flaggedInputs = new ArrayList<>(flagged.size());
    for (int i : flagged) {
      flaggedInputs.add(inputs.get(i));
    }
    List<Explanation> explanations = model.explain(flaggedInputs, Reasons.TOP_FEATURES);
    for (int f = 0; f < flagged.size(); f++) {
      int i = flagged.get(f);
      reasons[i] = Reasons.of(explanations.get(f), requests.get(i).historyIds, featureNames);
    }
    return reasons;
  }

  /** The challenger's probabilities, through Flink ML's serving API, in input order. */
  private float[] challengerScores(List<ScoringInput> inputs) {
    List<float[]> features = new ArrayList<>(inputs.size());
    inputs.forEach(input -> features.add(input.current()));
    return ShadowChallenger.score(challenger, features);
  }

  private Scored scored(ScoringRequest request, ScoringInput input, Score.Builder score) {
    Score out =
        score
            .setTransactionId(request.transactionId)
            .setCardId(request.cardId)
            .setEventTime(request.eventTime)
            .setModelVersion(servingVersion)
            .setModelTrainedThrough(trainedThrough)
            .build();
    FeatureSnapshot snapshot =
        snapshotOf(request, featureLayout)
            .setCategories(Arrays.stream(input.categories()).boxed().toList())
            .setModelVersion(servingVersion)
            .setScore(out.getScore())
            .build();
    return new Scored(out, snapshot);
  }

  /** What a snapshot of the request holds whatever the model: ids, time and the vectors. */
  public static FeatureSnapshot.Builder snapshotOf(ScoringRequest request, String featureLayout) {
    return FeatureSnapshot.newBuilder()
        .setTransactionId(request.transactionId)
        .setCardId(request.cardId)
        .setEventTime(request.eventTime)
        .setFeatureLayout(featureLayout)
        .setFeatures(FloatVectors.toList(request.features))
        .setHistory(FloatVectors.toLists(request.history));
  }

  /**
   * Takes one record of a version; once all records of a newer version are there, swaps them in
   * with the newest unapplied records of the groups it did not change.
   *
   * @return the records now served, to be kept for a restore (newest per record key); empty while a
   *     version is incomplete, already served, or rejected
   */
  public Optional<List<ModelUpdate>> accept(ModelUpdate update) {
    Optional<List<ModelUpdate>> complete = versions.add(update);
    if (complete.isEmpty()) {
      return Optional.empty();
    }
    if (swapIn(complete.get())) {
      versions.applied(complete.get());
      LOG.debug("Scoring with model version {}", servingVersion);
      return complete;
    }
    rejectedVersions++;
    return Optional.empty();
  }

  /** After a restore the model is new: loads the records that were being served. */
  public void restore(List<ModelUpdate> records) {
    List<ModelUpdate> ordered = new ArrayList<>(records);
    ordered.sort(VersionAssembler.APPLY_ORDER);
    if (!ordered.isEmpty() && swapIn(ordered)) {
      versions = new VersionAssembler(servingVersion);
      LOG.info("Restored model version {}", servingVersion);
    }
  }

  public long servingVersion() {
    return servingVersion;
  }

  /** Complete versions that were not swapped in because a payload was rejected. */
  public long rejectedVersions() {
    return rejectedVersions;
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
    Map<String, Long> fulls = new HashMap<>(fullVersions);
    FtrlModelData stagedChallenger = challenger;
    boolean stagedDecides = challengerDecides;
    try {
      for (ModelUpdate group : groups) {
        String name = group.getGroup();
        if (ChallengerRecord.GROUP.equals(name)) {
          stagedChallenger = ChallengerRecord.decode(bytes(group.getPayload()));
          if (stagedChallenger.numFeatures() != model.config().featureDim()) {
            throw new IllegalArgumentException(
                "challenger reads "
                    + stagedChallenger.numFeatures()
                    + " features, this scorer has "
                    + model.config().featureDim());
          }
          stagedDecides = group.getMetrics().getOrDefault(ChallengerRecord.DECIDES, 0.0) == 1.0;
          continue;
        }
        long held = fulls.getOrDefault(name, startVersion);
        if (ModelUpdateKey.isDelta(group)) {
          if (group.getVersion() < held) {
            continue; // superseded by the newer full payload already applied
          }
          if (group.getBaseVersion() != held) {
            // Rows changed since another full payload: applied here they would mix two models.
            throw new IllegalArgumentException(
                "row delta of group "
                    + name
                    + " applies on top of version "
                    + group.getBaseVersion()
                    + "'s full payload; this scorer holds version "
                    + held
                    + "'s");
          }
        }
        previous.putIfAbsent(name, model.exportGroup(name, "previous", servingVersion));
        PayloadHeader header = model.importGroup(name, bytes(group.getPayload()));
        if (header.version() != group.getVersion()
            || !header.modelId().equals(group.getModelId())) {
          // The record and its payload disagree: a mis-wired publisher, never weights to trust.
          throw new IllegalArgumentException(
              "payload of group "
                  + name
                  + " is "
                  + header.modelId()
                  + " v"
                  + header.version()
                  + " but the update says "
                  + group.getModelId()
                  + " v"
                  + group.getVersion());
        }
        if (!ModelUpdateKey.isDelta(group)) {
          fulls.put(name, group.getVersion());
        }
      }
    } catch (IllegalArgumentException e) {
      // A bad payload must never take the scorer down or half-change the model.
      previous.forEach(model::importGroup);
      LOG.error(
          "Rejected model version {}, still serving version {}: {}",
          groups.get(groups.size() - 1).getVersion(),
          servingVersion,
          e.getMessage());
      return false;
    }
    fullVersions = fulls;
    challenger = stagedChallenger;
    challengerDecides = stagedDecides;
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
    model.close();
  }
}
