package io.riskstream.bench;

/**
 * When a bounded bench job ran, in {@link System#nanoTime()} terms.
 *
 * @param records transactions the job processed
 * @param submittedNanos just before the job was submitted to the MiniCluster
 * @param firstOutputNanos when its first output record was seen on Kafka; start-up (scheduling,
 *     RocksDB, Kafka clients) lies before it
 * @param finishedNanos when the job had finished
 */
public record JobTiming(
    long records, long submittedNanos, long firstOutputNanos, long finishedNanos) {
  public JobTiming {
    if (!(submittedNanos <= firstOutputNanos && firstOutputNanos <= finishedNanos)) {
      throw new IllegalArgumentException(
          "expected submitted <= first output <= finished, got "
              + submittedNanos
              + ", "
              + firstOutputNanos
              + ", "
              + finishedNanos);
    }
  }

  public double seconds() {
    return (finishedNanos - submittedNanos) / 1e9;
  }

  /** Records per second from submission to finish: what a user waiting for the job gets. */
  public double txnPerSecond() {
    return records / seconds();
  }

  /** Records per second from the first output to the finish: start-up excluded. */
  public double steadyTxnPerSecond() {
    return records / (Math.max(1, finishedNanos - firstOutputNanos) / 1e9);
  }
}
