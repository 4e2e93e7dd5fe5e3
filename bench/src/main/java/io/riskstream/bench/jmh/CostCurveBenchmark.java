package io.riskstream.bench.jmh;

import io.riskstream.model.FraudModel;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.ScoringInput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost curve: time per sequence when scoring batches of {@value #BATCH} whose histories are
 * filled to L events, for sparse attention (the default local window plus gated top-k) and dense
 * attention over all L events. Sparse should stay nearly flat in L, dense should grow with it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// One invocation scores BATCH sequences, so JMH reports microseconds per sequence.
@OperationsPerInvocation(CostCurveBenchmark.BATCH)
public class CostCurveBenchmark {

  static final int BATCH = 256;

  @Param("15")
  public int featureDim;

  @Param({"32", "64", "128", "256", "512"})
  public int length;

  @Param({"sparse", "dense"})
  public String attention;

  private FraudModel model;
  private List<List<ScoringInput>> batches;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    model = FraudModel.create(config(featureDim, length, attention));
    batches = RandomBatches.pool(11L, featureDim, length, BATCH);
  }

  /** The default model over L events; the local window and k stay the defaults'. */
  static ModelConfig config(int featureDim, int length, String attention) {
    ModelConfig base = ModelConfig.defaults(featureDim);
    ModelConfig sized = base.withHistory(length, base.localWindow(), base.topK());
    return switch (attention) {
      case "sparse" -> sized;
      case "dense" -> sized.dense();
      default ->
          throw new IllegalArgumentException("attention must be sparse or dense, was " + attention);
    };
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  @Benchmark
  public float[] score() {
    List<ScoringInput> batch = batches.get(next);
    next = (next + 1) % batches.size();
    return model.score(batch);
  }
}
