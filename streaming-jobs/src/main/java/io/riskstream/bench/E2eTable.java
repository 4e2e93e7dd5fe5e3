package io.riskstream.bench;

import java.util.Locale;

/** The rows {@code bench e2e} prints as it measures. */
final class E2eTable {
  private E2eTable() {}

  /** The latencies' columns: three percentiles, a gap, three more. */
  private static final String LATENCIES = "%8s %8s %8s              %8s %8s %8s";

  static String header() {
    String columns = "%-13s %7s %8s %10s  %-12s ";
    return String.format(
            Locale.ROOT,
            columns + "%-40s%s%n",
            "job",
            "offered",
            "sent/s",
            "achieved/s",
            "verdict",
            "send->consumed ms (read_committed)",
            "send->appended ms (before the commit)")
        + String.format(Locale.ROOT, columns, "", "txn/s", "", "", "")
        + String.format(Locale.ROOT, LATENCIES, "p50", "p99", "p99.9", "p50", "p99", "p99.9");
  }

  static String row(String job, RatePhase phase) {
    String prefix =
        String.format(
            Locale.ROOT,
            "%-13s %,7d %,8.0f %,10.0f  %-12s ",
            job,
            phase.target(),
            phase.sentPerSecond(),
            phase.writtenPerSecond(),
            phase.verdict().name().toLowerCase(Locale.ROOT));
    return prefix
        + switch (phase.verdict()) {
          case SUSTAINED ->
              String.format(
                  Locale.ROOT,
                  LATENCIES,
                  grouped(phase.consumed().p50()),
                  grouped(phase.consumed().p99()),
                  grouped(phase.consumed().p999()),
                  grouped(phase.appended().p50()),
                  grouped(phase.appended().p99()),
                  grouped(phase.appended().p999()));
          case UNSUSTAINED ->
              String.format(
                      Locale.ROOT,
                      "backlog grew %,.0f txn/s; %,d of %,d sent came out within the grace",
                      phase.backlogGrowthPerSecond(),
                      phase.delivered(),
                      phase.sent())
                  + (phase.delivered() >= phase.sent()
                      ? String.format(
                          Locale.ROOT,
                          ", their latency rose %,d ms in the window",
                          phase.latencyRiseMs())
                      : "");
          case UNDER_OFFERED ->
              String.format(
                  Locale.ROOT,
                  "the bench's producer sent only %,.0f txn/s: not measured",
                  phase.sentPerSecond());
        };
  }

  private static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String drainRow(String job, DrainRate drain) {
    return String.format(
        Locale.ROOT,
        "%-13s max %,.0f txn/s%s: %,d outputs in %.1f s working off a backlog of %,d",
        job,
        drain.txnPerSecond(),
        drain.producerBound() ? " (at least: it kept pace with the bench's producer)" : "",
        drain.written(),
        drain.seconds(),
        drain.backlog());
  }
}
