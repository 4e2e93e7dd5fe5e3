package io.riskstream.bench;

import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.ScoringInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Measures one point: {@code threads} threads, each scoring batches of one size with models of its
 * own (as each Flink scoring task has its own), for a warm-up and then for the measured time.
 *
 * <p>Models and inputs are made before the clock starts. All threads start together and score
 * without pause through warm-up and measurement, so every measured call ran against the same
 * competition for the cores. Several model variants (sparse and dense) are measured in turns, call
 * by call on the same batch: on a machine shared with other work, a slow spell then slows every
 * variant alike instead of whichever happened to be measured during it.
 */
public final class PointMeasurer {

  /** Distinct batches each thread cycles through, so it does not score one cached batch. */
  public static final int POOL = 4;

  private final Duration warmUp;
  private final Duration measured;

  public PointMeasurer(Duration warmUp, Duration measured) {
    this.warmUp = warmUp;
    this.measured = measured;
  }

  /**
   * @param variants model configurations scored in turns, each thread with a model of each
   * @param inputs makes the batch pool of thread {@code t}: batches of {@code batchSize} inputs
   *     that every variant accepts
   * @return one point per variant, in the variants' order
   */
  public List<ScoringPoint> measure(
      List<ModelConfig> variants,
      int batchSize,
      int threads,
      IntFunction<List<List<ScoringInput>>> inputs)
      throws Exception {
    return measure(variants, batchSize, threads, inputs, FraudModel::create);
  }

  /**
   * As {@link #measure(List, int, int, IntFunction)}, with the models {@code models} makes of each
   * variant (e.g. trained ones); the measurer closes them.
   */
  public List<ScoringPoint> measure(
      List<ModelConfig> variants,
      int batchSize,
      int threads,
      IntFunction<List<List<ScoringInput>>> inputs,
      Function<ModelConfig, FraudModel> modelOf)
      throws Exception {
    List<FraudModel> models = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, PointMeasurer::daemon);
    try {
      List<List<FraudModel>> modelsOf = new ArrayList<>(threads);
      List<List<List<ScoringInput>>> batchesOf = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        List<FraudModel> own = new ArrayList<>(variants.size());
        for (ModelConfig config : variants) {
          FraudModel model = modelOf.apply(config);
          models.add(model);
          own.add(model);
        }
        modelsOf.add(own);
        batchesOf.add(inputs.apply(t));
      }
      long start = System.nanoTime();
      List<Future<List<Calls>>> futures = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        List<FraudModel> own = modelsOf.get(t);
        List<List<ScoringInput>> batches = batchesOf.get(t);
        futures.add(pool.submit(() -> run(own, batches, start)));
      }
      List<LatencyRecorder> calls = new ArrayList<>();
      double[] seqPerSecond = new double[variants.size()];
      for (int v = 0; v < variants.size(); v++) {
        calls.add(new LatencyRecorder());
      }
      for (Future<List<Calls>> future : futures) {
        List<Calls> threadCalls = get(future);
        for (int v = 0; v < variants.size(); v++) {
          Calls c = threadCalls.get(v);
          calls.get(v).addAll(c.latencies());
          seqPerSecond[v] += c.latencies().count() * (double) batchSize / (c.nanos() / 1e9);
        }
      }
      List<ScoringPoint> points = new ArrayList<>(variants.size());
      for (int v = 0; v < variants.size(); v++) {
        LatencyRecorder c = calls.get(v);
        points.add(
            new ScoringPoint(
                threads,
                batchSize,
                c.count(),
                seqPerSecond[v],
                c.percentile(50),
                c.percentile(99)));
      }
      return points;
    } finally {
      pool.shutdownNow();
      models.forEach(FraudModel::close);
    }
  }

  /** One thread's calls of one variant (nanoseconds each) and the time they took together. */
  private record Calls(LatencyRecorder latencies, long nanos) {}

  private List<Calls> run(List<FraudModel> models, List<List<ScoringInput>> batches, long start) {
    int next = 0;
    long measureFrom = start + warmUp.toNanos();
    // At least one warm-up round even with no warm-up time: the first call pays one-off costs.
    do {
      for (FraudModel model : models) {
        model.score(batches.get(next));
      }
      next = (next + 1) % batches.size();
    } while (System.nanoTime() < measureFrom);
    LatencyRecorder[] latencies = new LatencyRecorder[models.size()];
    long[] nanos = new long[models.size()];
    for (int v = 0; v < models.size(); v++) {
      latencies[v] = new LatencyRecorder();
    }
    long now = System.nanoTime();
    long end = now + measured.toNanos();
    // Whole rounds only, so every variant scores the same batches.
    do {
      for (int v = 0; v < models.size(); v++) {
        long before = System.nanoTime();
        models.get(v).score(batches.get(next));
        now = System.nanoTime();
        latencies[v].record(now - before);
        nanos[v] += now - before;
      }
      next = (next + 1) % batches.size();
    } while (now < end);
    List<Calls> calls = new ArrayList<>(models.size());
    for (int v = 0; v < models.size(); v++) {
      calls.add(new Calls(latencies[v], nanos[v]));
    }
    return calls;
  }

  private static <T> T get(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "bench-scoring");
    thread.setDaemon(true);
    return thread;
  }
}
