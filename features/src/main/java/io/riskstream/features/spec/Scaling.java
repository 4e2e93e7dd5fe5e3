package io.riskstream.features.spec;

/**
 * How a raw feature value is scaled for the neural network. Counts and amounts are heavy-tailed, so
 * they go through log1p; rates, flags and z-scores are already on a small scale.
 */
public enum Scaling {
  NONE,
  LOG1P;

  public float apply(double raw) {
    return (float) (this == LOG1P ? Math.signum(raw) * Math.log1p(Math.abs(raw)) : raw);
  }
}
