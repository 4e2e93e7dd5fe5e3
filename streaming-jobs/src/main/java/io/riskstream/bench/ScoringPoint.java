package io.riskstream.bench;

/**
 * What one measured point of {@code riskstream bench scoring} found.
 *
 * @param threads scoring threads, each with a model of its own
 * @param batchSize sequences per {@code score} call
 * @param batches calls measured, over all threads
 * @param seqPerSecond sequences per second, summed over the threads
 * @param p50Nanos median time of one call
 * @param p99Nanos 99th percentile time of one call
 */
public record ScoringPoint(
    int threads, int batchSize, long batches, double seqPerSecond, long p50Nanos, long p99Nanos) {

  public double p50Ms() {
    return p50Nanos / 1e6;
  }

  public double p99Ms() {
    return p99Nanos / 1e6;
  }

  /** Mean microseconds per sequence of one thread (the whole machine's when threads is 1). */
  public double meanMicrosPerSequence() {
    return threads * 1e6 / seqPerSecond;
  }

  /** Median call time per sequence: unlike the mean, unmoved by a few calls slowed by others. */
  public double p50MicrosPerSequence() {
    return p50Nanos / 1e3 / batchSize;
  }
}
