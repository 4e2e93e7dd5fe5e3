package io.riskstream.bench;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.ScoringInput;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code riskstream bench scoring}: the fraud model's scoring speed in this JVM. First sequences/s
 * and per-call latency of the default model at each batch size and thread count, then the cost
 * curve: time per sequence at B = {@value #CURVE_BATCH} for sparse and dense attention over
 * histories of growing length. Prints each row as it is measured.
 */
public final class ScoringBench {

  /** The cost curve's batch size. */
  public static final int CURVE_BATCH = 256;

  /**
   * What to measure.
   *
   * @param spec decides the feature width and the shape of the random inputs
   * @param batchSizes of the throughput table
   * @param threads of the throughput table; the cost curve runs on one thread
   * @param lengths history lengths L of the cost curve
   * @param warmUp scoring before each point's measurement
   * @param perPoint how long each point is measured
   * @param seed of the random inputs
   */
  public record Options(
      FeatureSpec spec,
      List<Integer> batchSizes,
      List<Integer> threads,
      List<Integer> lengths,
      Duration warmUp,
      Duration perPoint,
      long seed) {

    public Options {
      batchSizes = List.copyOf(batchSizes);
      threads = List.copyOf(threads);
      lengths = List.copyOf(lengths);
    }
  }

  private ScoringBench() {}

  public static ScoringSummary run(Options options, PrintWriter out) throws Exception {
    ModelConfig base = ModelConfig.defaults(options.spec().size());
    PointMeasurer measurer = new PointMeasurer(options.warmUp(), options.perPoint());
    out.printf(
        "Scoring with feature spec %s (%d features); %d CPUs; %d libtorch thread(s) per model;"
            + " %.1f s warm-up, then %.1f s measured per point%n",
        options.spec().id(),
        base.featureDim(),
        Runtime.getRuntime().availableProcessors(),
        Integer.getInteger("ai.djl.pytorch.num_threads", 1),
        options.warmUp().toMillis() / 1000.0,
        options.perPoint().toMillis() / 1000.0);
    out.printf(
        "%nThroughput: default model, L=%d with histories full, sparse attention (local %d +"
            + " top-%d), each thread its own model%n",
        base.historyLength(), base.localWindow(), base.topK());
    out.println(ScoringTable.throughputHeader());
    out.flush();
    List<ScoringPoint> throughput = new ArrayList<>();
    int maxThreads = Collections.max(options.threads());
    for (int batchSize : options.batchSizes()) {
      List<List<List<ScoringInput>>> pools =
          pools(options, maxThreads, batchSize, base.historyLength());
      for (int threads : options.threads()) {
        ScoringPoint point = measurer.measure(List.of(base), batchSize, threads, pools::get).get(0);
        throughput.add(point);
        out.println(ScoringTable.throughputRow(point));
        out.flush();
      }
    }

    out.printf(
        "%nCost curve: B=%d, 1 thread, sparse (local %d + top-%d) vs dense attention over"
            + " histories full to L, scored in turns%n",
        CURVE_BATCH, base.localWindow(), base.topK());
    out.println(ScoringTable.curveHeader());
    out.flush();
    List<CostPoint> curve = new ArrayList<>();
    for (int length : options.lengths()) {
      ModelConfig sparse = base.withHistory(length, base.localWindow(), base.topK());
      ModelConfig dense = sparse.dense();
      List<List<List<ScoringInput>>> pools = pools(options, 1, CURVE_BATCH, length);
      // In turns, call by call on the same batches: see PointMeasurer.
      List<ScoringPoint> measured =
          measurer.measure(List.of(sparse, dense), CURVE_BATCH, 1, pools::get);
      CostPoint point =
          new CostPoint(
              length,
              sparse.attendedEvents(),
              dense.attendedEvents(),
              measured.get(0),
              measured.get(1));
      curve.add(point);
      out.println(ScoringTable.curveRow(point));
      out.flush();
    }
    out.println();
    return new ScoringSummary(throughput, curve);
  }

  /** Per thread, {@link PointMeasurer#POOL} batches of its own, made before any clock runs. */
  private static List<List<List<ScoringInput>>> pools(
      Options options, int threads, int batchSize, int length) {
    List<List<List<ScoringInput>>> pools = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      SpecShapedInputs inputs = new SpecShapedInputs(options.spec(), options.seed() + t);
      List<List<ScoringInput>> pool = new ArrayList<>(PointMeasurer.POOL);
      for (int b = 0; b < PointMeasurer.POOL; b++) {
        pool.add(inputs.batch(batchSize, length));
      }
      pools.add(pool);
    }
    return pools;
  }
}
