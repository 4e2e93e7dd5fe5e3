package io.riskstream.bench.jmh;

import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.ScoringInput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Scoring throughput and per-batch latency of the default model (L = 32, sparse attention) at
 * several batch sizes. Run with {@code -t 2} for two threads: the state is per thread, so each
 * thread scores with a model of its own, as each Flink scoring task does.
 *
 * <p>{@code throughput} reports batches/s and, as the {@code sequences} counter, sequences/s;
 * {@code latency} samples the time of every batch (JMH prints p50, p99, …).
 */
@State(Scope.Thread)
public class ScoringBenchmark {

  /** The handbook feature spec's width; try others with {@code -p featureDim=…}. */
  @Param("15")
  public int featureDim;

  @Param({"1", "32", "256", "1024"})
  public int batchSize;

  private FraudModel model;
  private List<List<ScoringInput>> batches;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    ModelConfig config = ModelConfig.defaults(featureDim);
    model = FraudModel.create(config);
    // One seed for all threads: equal inputs cost the same on every thread, and each thread
    // still has its own arrays.
    batches = RandomBatches.pool(7L, featureDim, config.historyLength(), batchSize);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  /** Sequences scored, reported by JMH per second next to the batches per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Sequences {
    public long sequences;

    @Setup(Level.Iteration)
    public void reset() {
      sequences = 0;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float[] throughput(Sequences counter) {
    counter.sequences += batchSize;
    return scoreNext();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public float[] latency() {
    return scoreNext();
  }

  /** Returning the scores lets JMH consume them, so the call cannot be optimised away. */
  private float[] scoreNext() {
    List<ScoringInput> batch = batches.get(next);
    next = (next + 1) % batches.size();
    return model.score(batch);
  }
}
