package io.riskstream.bench;

import java.util.List;

/**
 * What {@code bench e2e} measured of one job.
 *
 * @param job its name in the report
 * @param startupSeconds from submission to its first output seen by the consumer
 * @param phases one per offered rate, lowest first
 * @param drain its maximum throughput
 * @param cpu where the CPU went while it drained the backlog
 */
record LoopResult(
    String job, double startupSeconds, List<RatePhase> phases, DrainRate drain, CpuShares cpu) {

  LoopResult {
    phases = List.copyOf(phases);
  }

  /** The phase at {@code rate}, or null when that rate was not offered. */
  RatePhase at(int rate) {
    return phases.stream().filter(p -> p.target() == rate).findFirst().orElse(null);
  }
}
