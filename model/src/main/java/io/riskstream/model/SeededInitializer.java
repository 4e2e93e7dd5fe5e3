package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Random;

/**
 * Glorot-uniform weights and zero biases computed in plain Java from a per-parameter seed, so
 * initial weights never depend on the engine's global RNG, the thread or the JVM.
 */
final class SeededInitializer implements Initializer {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;

  SeededInitializer(long modelSeed, int parameterIndex) {
    // Spread neighbouring indices apart: java.util.Random's first outputs correlate for close
    // seeds.
    this.seed = modelSeed + GOLDEN * (parameterIndex + 1L);
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    float[] values = new float[Math.toIntExact(shape.size())];
    if (shape.dimension() >= 2) {
      long fanOut = shape.get(0);
      long fanIn = shape.size() / fanOut;
      float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
      Random random = new Random(seed);
      for (int i = 0; i < values.length; i++) {
        values[i] = (random.nextFloat() * 2f - 1f) * limit;
      }
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}
