package io.riskstream.training;

import io.riskstream.bench.CostPoint;
import io.riskstream.bench.PointMeasurer;
import io.riskstream.bench.ScoringPoint;
import io.riskstream.model.AttentionMode;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.model.SavedModel;
import io.riskstream.model.ScoringInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code riskstream model compare-attention}: what sparse attention (local window plus gated top-k)
 * gives up against dense attention over the whole history, in ranking quality and in scoring cost.
 * The examples are computed once; both models start from the same seed and train on the same
 * examples in the same order, then score the same test window and, for the cost, the same batches.
 */
public final class AttentionComparison {

  /** Sequences per call when measuring the scoring cost. */
  public static final int COST_BATCH = 256;

  private static final Duration WARM_UP = Duration.ofSeconds(1);

  /**
   * What to compare.
   *
   * @param sparse the sparse model; the dense one is {@code sparse.dense()}
   * @param seeds shuffle seeds each model is trained with ({@code fit.seed()} and the next ones);
   *     the test figures are their means, since one seed's AP varies by several points
   * @param costMeasured how long each model's scoring cost is measured (in turns)
   */
  public record Options(
      ExampleReplay.Source source,
      TimeWindow train,
      TimeWindow test,
      ModelConfig sparse,
      OfflineFit fit,
      int seeds,
      Duration costMeasured) {
    public Options {
      if (seeds < 1) {
        throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
      }
      if (sparse.attention() != AttentionMode.SPARSE) {
        throw new IllegalArgumentException("the sparse model must have sparse attention");
      }
    }
  }

  /** What the comparison found; {@link #summary()} is the command's last line. */
  public record Result(
      Fitting.Quality sparse,
      Fitting.Quality dense,
      int seeds,
      CostPoint cost,
      long trainRows,
      long trainFrauds,
      long testRows,
      long testFrauds,
      double seconds) {

    /** Percentage points of average precision sparse attention loses against dense. */
    public double apLossPp() {
      return (dense.ap() - sparse.ap()) * 100;
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "ap_sparse=%.4f ap_dense=%.4f ap_loss_pp=%.2f auc_sparse=%.4f auc_dense=%.4f"
              + " topk_vs_dense_speedup_L%d=%.2f sparse_us_per_seq=%.1f dense_us_per_seq=%.1f"
              + " seeds=%d train_rows=%d train_frauds=%d test_rows=%d test_frauds=%d seconds=%.1f",
          sparse.ap(),
          dense.ap(),
          apLossPp(),
          sparse.auc(),
          dense.auc(),
          cost.length(),
          cost.speedup(),
          cost.sparse().p50MicrosPerSequence(),
          cost.dense().p50MicrosPerSequence(),
          seeds,
          trainRows,
          trainFrauds,
          testRows,
          testFrauds,
          seconds);
    }
  }

  private AttentionComparison() {}

  public static Result run(Options options, Path workDir, PrintWriter log) throws Exception {
    long start = System.nanoTime();
    ModelConfig sparse = options.sparse();
    ExampleReplay.Replayed replayed =
        ExampleReplay.run(
            options.source(),
            sparse.historyLength(),
            List.of(options.train(), options.test()),
            workDir,
            log);
    List<LabelledInput> train = replayed.examples().get(0);
    List<LabelledInput> test = replayed.examples().get(1);
    log.printf(
        "train %s: %,d examples (%,d frauds); test %s: %,d examples (%,d frauds)%n",
        options.train(),
        train.size(),
        Fitting.frauds(train),
        options.test(),
        test.size(),
        Fitting.frauds(test));
    log.flush();

    Map<AttentionMode, Fitting.Quality> quality = new EnumMap<>(AttentionMode.class);
    Map<ModelConfig, SavedModel> trained = new HashMap<>();
    for (ModelConfig config : List.of(sparse, sparse.dense())) {
      String name = config.attention().name().toLowerCase(Locale.ROOT);
      double auc = 0;
      double ap = 0;
      for (int s = 0; s < options.seeds(); s++) {
        OfflineFit fit = options.fit();
        fit =
            new OfflineFit(
                fit.epochs(),
                fit.batchSize(),
                fit.learningRate(),
                fit.positiveWeight(),
                fit.seed() + s);
        String run = name + " (shuffle seed " + fit.seed() + ")";
        Fitting.Fitted fitted = Fitting.fit(config, train, fit, run, log);
        try {
          Fitting.Quality q = Fitting.quality(fitted.model(), test);
          auc += q.auc() / options.seeds();
          ap += q.ap() / options.seeds();
          // The cost is measured on the first seed's model: weights do not change it.
          trained.putIfAbsent(
              config,
              SavedModel.of(
                  fitted.model(),
                  name,
                  1,
                  options.train().until() - 1,
                  options.source().spec().id(),
                  Map.of()));
          log.printf(
              Locale.ROOT,
              "%s, %d past events attended of L=%d: train loss %.4f; test AUC %.4f AP %.4f%n",
              run,
              config.attendedEvents(),
              config.historyLength(),
              fitted.lastLoss(),
              q.auc(),
              q.ap());
          log.flush();
        } finally {
          fitted.model().close();
        }
      }
      quality.put(config.attention(), new Fitting.Quality(auc, ap));
    }

    List<List<ScoringInput>> batches = costBatches(test, options.fit().seed());
    List<ScoringPoint> points =
        new PointMeasurer(WARM_UP, options.costMeasured())
            .measure(
                List.of(sparse, sparse.dense()),
                COST_BATCH,
                1,
                thread -> batches,
                config -> trained.get(config).toModel());
    CostPoint cost =
        new CostPoint(
            sparse.historyLength(),
            sparse.attendedEvents(),
            sparse.dense().attendedEvents(),
            points.get(0),
            points.get(1));
    log.printf(
        Locale.ROOT,
        "scoring cost at B=%d, 1 thread, in turns: sparse %.1f us/seq, dense %.1f us/seq (p50)%n",
        COST_BATCH,
        cost.sparse().p50MicrosPerSequence(),
        cost.dense().p50MicrosPerSequence());
    log.flush();
    return new Result(
        quality.get(AttentionMode.SPARSE),
        quality.get(AttentionMode.DENSE),
        options.seeds(),
        cost,
        train.size(),
        Fitting.frauds(train),
        test.size(),
        Fitting.frauds(test),
        (System.nanoTime() - start) / 1e9);
  }

  /** {@link PointMeasurer#POOL} batches of test inputs, drawn with a seed. */
  private static List<List<ScoringInput>> costBatches(List<LabelledInput> test, long seed) {
    List<ScoringInput> inputs = new ArrayList<>(Fitting.inputs(test));
    Collections.shuffle(inputs, new Random(seed));
    List<List<ScoringInput>> batches = new ArrayList<>();
    for (int b = 0; b < PointMeasurer.POOL; b++) {
      List<ScoringInput> batch = new ArrayList<>(COST_BATCH);
      for (int i = 0; i < COST_BATCH; i++) {
        batch.add(inputs.get((b * COST_BATCH + i) % inputs.size()));
      }
      batches.add(batch);
    }
    return batches;
  }
}
