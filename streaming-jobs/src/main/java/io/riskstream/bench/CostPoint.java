package io.riskstream.bench;

/**
 * One point of the cost curve: the same batches over a history of {@code length} events, scored
 * with sparse and with dense attention.
 *
 * @param sparseAttended past events sparse attention reads (local window plus top-k)
 * @param denseAttended past events dense attention reads (all of them)
 */
public record CostPoint(
    int length, int sparseAttended, int denseAttended, ScoringPoint sparse, ScoringPoint dense) {

  /**
   * How many times longer dense takes per sequence than sparse, from median call times: on a
   * machine shared with other work, medians are not moved by the calls a neighbour slowed down.
   */
  public double speedup() {
    return dense.p50MicrosPerSequence() / sparse.p50MicrosPerSequence();
  }
}
