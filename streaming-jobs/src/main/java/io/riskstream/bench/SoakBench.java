package io.riskstream.bench;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OnlineTrainer;
import io.riskstream.model.ScoringInput;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.scoring.DecisionPolicy;
import io.riskstream.scoring.Scorer;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code riskstream bench soak}: scores without pause for a long while, exactly as one scoring task
 * does (the same {@link Scorer}: batched forward passes, explanations of the flagged, weights
 * hot-swapped from {@link ModelUpdate}s), and samples the process's resident memory. A leak of
 * native tensors, direct buffers or autograd graphs shows as a steady upward trend; the summary
 * gives the trend after the warm-up (JIT, allocator pools and the heap settle in the first minute).
 *
 * <p>New versions come from a second model trained a step at a time on the same inputs with random
 * labels, so every swap carries really changed weights of every group.
 */
public final class SoakBench {

  /**
   * @param batchSize requests per scoring call
   * @param duration the whole run, warm-up included
   * @param warmUp excluded from the trend and the rates
   * @param sampleEvery how often resident memory is read
   * @param swapEvery how often a new model version is hot-swapped in
   */
  public record Options(
      FeatureSpec spec,
      int batchSize,
      Duration duration,
      Duration warmUp,
      Duration sampleEvery,
      Duration swapEvery,
      long seed) {}

  /** Batches cycled through; enough that their objects are not all hot in a cache. */
  private static final int POOL = 32;

  private static final String MODEL_ID = "soak";

  private static final double REVIEW_THRESHOLD = 0.1;

  private SoakBench() {}

  public static SoakSummary run(Options options, PrintWriter out) {
    ModelConfig config = ModelConfig.defaults(options.spec().size());
    SpecShapedInputs inputs = new SpecShapedInputs(options.spec(), options.seed());
    List<List<ScoringRequest>> pool = new ArrayList<>(POOL);
    for (int i = 0; i < POOL; i++) {
      pool.add(inputs.requests(options.batchSize(), config.historyLength()));
    }
    try (Scorer scorer =
            new Scorer(
                config,
                DevicePreference.CPU,
                // Low enough that a good share of each batch is flagged and explained, as both
                // passes must be soaked; the share moves as the versions change.
                new DecisionPolicy(REVIEW_THRESHOLD, 0.9),
                options.spec().id(),
                options.spec().names());
        Publisher publisher = new Publisher(config, options.spec(), options.seed())) {
      out.printf(
          "Soak: batches of %d, a new model version every %d s, resident memory every %d s,"
              + " %d s warm-up excluded from the trend%n",
          options.batchSize(),
          options.swapEvery().toSeconds(),
          options.sampleEvery().toSeconds(),
          options.warmUp().toSeconds());
      out.println("minute  rss_mb  seq_per_s  version  score_p50  score_p99");
      out.flush();
      long start = System.nanoTime();
      long end = start + options.duration().toNanos();
      long measuredFrom = start + options.warmUp().toNanos();
      long nextSample = measuredFrom;
      long nextSwap = start;
      long scored = 0;
      long flagged = 0;
      long scoredAtLastSample = 0;
      long lastSampleNanos = measuredFrom;
      List<double[]> samples = new ArrayList<>();
      List<Scorer.Scored> lastScores = List.of();
      for (long call = 0; ; call++) {
        long now = System.nanoTime();
        if (now >= nextSwap) {
          for (ModelUpdate update : publisher.next()) {
            scorer.accept(update);
          }
          nextSwap = now + options.swapEvery().toNanos();
        }
        if (now >= nextSample) {
          double minute = (now - start) / 60e9;
          double rss = ResidentMemory.megabytes();
          samples.add(new double[] {minute, rss});
          double rate =
              (scored - scoredAtLastSample) / Math.max(1e-9, (now - lastSampleNanos) / 1e9);
          out.printf(
              "%6.1f  %6.0f  %9.0f  %7d  %9.4f  %9.4f%n",
              minute,
              rss,
              rate,
              scorer.servingVersion(),
              quantile(lastScores, 0.5),
              quantile(lastScores, 0.99));
          out.flush();
          scoredAtLastSample = scored;
          lastSampleNanos = now;
          nextSample = now + options.sampleEvery().toNanos();
        }
        if (now >= end) {
          break;
        }
        List<Scorer.Scored> results = scorer.score(pool.get((int) (call % POOL)));
        lastScores = results;
        if (now >= measuredFrom) {
          scored += results.size();
          for (Scorer.Scored result : results) {
            if (result.score().getDecision() != Decision.APPROVE) {
              flagged++;
            }
          }
        }
      }
      double seconds = (System.nanoTime() - measuredFrom) / 1e9;
      return new SoakSummary(samples, scored, seconds, scorer.servingVersion(), flagged);
    }
  }

  /** The q-quantile of a batch's scores (nearest rank); NaN for none. */
  private static double quantile(List<Scorer.Scored> batch, double q) {
    if (batch.isEmpty()) {
      return Double.NaN;
    }
    double[] scores = batch.stream().mapToDouble(s -> s.score().getScore()).sorted().toArray();
    return scores[Math.min(scores.length - 1, (int) Math.ceil(q * scores.length) - 1)];
  }

  /**
   * Makes new versions the way the learner does: one training step (64 examples, about 2% frauds)
   * of a model of the same shape, then every group exported as that version.
   */
  private static final class Publisher implements AutoCloseable {
    private final FraudModel model;
    private final OnlineTrainer trainer;
    private final SpecShapedInputs inputs;
    private final Random random;
    private final String featureLayout;
    private long version;

    Publisher(ModelConfig config, FeatureSpec spec, long seed) {
      model = FraudModel.create(config);
      trainer = new OnlineTrainer(model, model.groups(), 0.01f, 5f);
      inputs = new SpecShapedInputs(spec, seed + 1);
      random = new Random(seed);
      featureLayout = spec.id();
    }

    List<ModelUpdate> next() {
      version++;
      List<ScoringInput> examples = inputs.batch(64, 1);
      float[] y = new float[examples.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = random.nextDouble() < 0.02 ? 1f : 0f;
      }
      trainer.step(examples, y);
      List<String> groups = trainer.trainableGroups();
      List<ModelUpdate> updates = new ArrayList<>(groups.size());
      for (String group : groups) {
        updates.add(
            ModelUpdate.newBuilder()
                .setModelId(MODEL_ID)
                .setVersion(version)
                .setParentVersion(version - 1)
                .setGroup(group)
                .setGroupsInVersion(groups.size())
                .setPayload(ByteBuffer.wrap(model.exportGroup(group, MODEL_ID, version)))
                .setTrainedThrough(version)
                .setTrainedExamples(version * examples.size())
                .setPublishedAt(System.currentTimeMillis())
                .setMetrics(Map.of())
                .setFeatureLayout(featureLayout)
                .build());
      }
      return updates;
    }

    @Override
    public void close() {
      trainer.close();
      model.close();
    }
  }
}
