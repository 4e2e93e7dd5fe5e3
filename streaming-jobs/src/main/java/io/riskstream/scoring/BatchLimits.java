package io.riskstream.scoring;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the scorer micro-batches: a batch is scored when it holds {@code maxSize} requests or its
 * first request has waited {@code maxWait}, whichever comes first. Larger batches amortise the
 * model's per-call cost; the wait bounds what that costs in latency when traffic is light.
 */
public record BatchLimits(int maxSize, Duration maxWait) implements Serializable {

  public BatchLimits {
    if (maxSize < 1) {
      throw new IllegalArgumentException("scoring batch size must be at least 1, was " + maxSize);
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("scoring batch wait must be >= 0, was " + maxWait);
    }
  }

  /** 256 requests or 5 ms. */
  public static BatchLimits defaults() {
    return new BatchLimits(256, Duration.ofMillis(5));
  }
}
