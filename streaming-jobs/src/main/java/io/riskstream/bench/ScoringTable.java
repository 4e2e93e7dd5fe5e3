package io.riskstream.bench;

import java.util.Locale;

/** The readable tables of {@code riskstream bench scoring}, one row per measured point. */
final class ScoringTable {

  private ScoringTable() {}

  static String throughputHeader() {
    return "threads   batch       seq/s     p50 ms     p99 ms     calls";
  }

  static String throughputRow(ScoringPoint p) {
    return String.format(
        Locale.ROOT,
        "%7d %7d %11.0f %10.3f %10.3f %9d",
        p.threads(),
        p.batchSize(),
        p.seqPerSecond(),
        p.p50Ms(),
        p.p99Ms(),
        p.batches());
  }

  static String curveHeader() {
    return "      L   attended      sparse us/seq          dense us/seq     dense/sparse\n"
        + "          sp / dense    mean      p50          mean      p50     (p50)";
  }

  static String curveRow(CostPoint p) {
    return String.format(
        Locale.ROOT,
        "%7d %5d / %-5d %8.2f %8.2f      %8.2f %8.2f     %6.2f",
        p.length(),
        p.sparseAttended(),
        p.denseAttended(),
        p.sparse().meanMicrosPerSequence(),
        p.sparse().p50MicrosPerSequence(),
        p.dense().meanMicrosPerSequence(),
        p.dense().p50MicrosPerSequence(),
        p.speedup());
  }
}
