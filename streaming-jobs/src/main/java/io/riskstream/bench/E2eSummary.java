package io.riskstream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code riskstream bench e2e} run; {@link #line()} is its last line.
 *
 * @param keyRate the rate whose p99 the line's second figure is (5,000 txn/s)
 * @param djl the model alone: scoring throughput in this JVM at the scorer's batch size
 * @param platform the platform's scoring job
 * @param passthrough the reference job: decode, re-encode, the same exactly-once Kafka sink
 */
public record E2eSummary(
    int keyRate, ScoringPoint djl, LoopResult platform, LoopResult passthrough) {

  /**
   * {@code max_txn_per_s=X p99_ms_at_5k=Y}, then the references and ratios, then each rate's
   * figures. A rate the loop did not keep up with has no latency: its figures say {@code
   * unsustained} (or {@code under_offered} when the bench could not send it) instead.
   */
  public String line() {
    StringBuilder line = new StringBuilder();
    double max = platform.drain().txnPerSecond();
    double reference = passthrough.drain().txnPerSecond();
    RatePhase key = platform.at(keyRate);
    append(line, "max_txn_per_s", String.format(Locale.ROOT, "%.0f", max));
    append(line, "p99_ms_at_" + label(keyRate), key == null ? "not_measured" : p99(key));
    append(line, "passthrough_max_txn_per_s", String.format(Locale.ROOT, "%.0f", reference));
    append(line, "max_vs_passthrough", ratio(max, reference));
    append(line, "djl_seq_per_s", String.format(Locale.ROOT, "%.0f", djl.seqPerSecond()));
    append(line, "max_vs_djl", ratio(max, djl.seqPerSecond()));
    for (RatePhase phase : platform.phases()) {
      String at = "_at_" + label(phase.target());
      RatePhase ref = passthrough.at(phase.target());
      append(line, "sustained" + at, Boolean.toString(phase.sustained()));
      append(
          line,
          "achieved_txn_per_s" + at,
          String.format(Locale.ROOT, "%.0f", phase.writtenPerSecond()));
      append(line, "p50_ms" + at, latency(phase, phase.consumed().p50()));
      append(line, "p99_ms" + at, latency(phase, phase.consumed().p99()));
      append(line, "p999_ms" + at, latency(phase, phase.consumed().p999()));
      append(line, "appended_p99_ms" + at, latency(phase, phase.appended().p99()));
      append(line, "passthrough_p99_ms" + at, ref == null ? "not_measured" : p99(ref));
      append(
          line,
          "p99_vs_passthrough" + at,
          phase.sustained() && ref != null && ref.sustained()
              ? ratio(phase.consumed().p99(), ref.consumed().p99())
              : "na");
    }
    append(line, "max_is_lower_bound", Boolean.toString(platform.drain().producerBound()));
    append(
        line,
        "passthrough_max_is_lower_bound",
        Boolean.toString(passthrough.drain().producerBound()));
    append(line, "startup_s", String.format(Locale.ROOT, "%.1f", platform.startupSeconds()));
    append(line, "djl_batch", Integer.toString(djl.batchSize()));
    append(line, "djl_threads", Integer.toString(djl.threads()));
    return line.toString();
  }

  /** The key of a rate: {@code 5k} for 5,000, {@code 750} for 750. */
  static String label(int rate) {
    return rate % 1000 == 0 ? rate / 1000 + "k" : Integer.toString(rate);
  }

  /** Every rate's figures side by side, platform and reference, with their ratios. */
  public List<String> comparison() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "max throughput: platform %,.0f txn/s, pass-through %,.0f txn/s%s (ratio %s), raw DJL"
                + " %,.0f seq/s at B=%d on %d thread(s) (ratio %s)",
            platform.drain().txnPerSecond(),
            passthrough.drain().txnPerSecond(),
            passthrough.drain().producerBound() ? " or more" : "",
            ratio(platform.drain().txnPerSecond(), passthrough.drain().txnPerSecond()),
            djl.seqPerSecond(),
            djl.batchSize(),
            djl.threads(),
            ratio(platform.drain().txnPerSecond(), djl.seqPerSecond())));
    for (RatePhase phase : platform.phases()) {
      RatePhase ref = passthrough.at(phase.target());
      lines.add(
          String.format(
              Locale.ROOT,
              "at %,d txn/s: send->consumed p50/p99/p99.9 platform %s ms, pass-through %s ms;"
                  + " p99 ratio %s",
              phase.target(),
              triple(phase),
              ref == null ? "not measured" : triple(ref),
              phase.sustained() && ref != null && ref.sustained()
                  ? ratio(phase.consumed().p99(), ref.consumed().p99())
                  : "na"));
    }
    return lines;
  }

  private static String triple(RatePhase phase) {
    if (!phase.sustained()) {
      return phase.verdict().name().toLowerCase(Locale.ROOT);
    }
    Percentiles p = phase.consumed();
    return String.format(Locale.ROOT, "%d/%d/%d", p.p50(), p.p99(), p.p999());
  }

  private static String p99(RatePhase phase) {
    return latency(phase, phase.consumed().p99());
  }

  private static String latency(RatePhase phase, long ms) {
    return phase.sustained() ? Long.toString(ms) : phase.verdict().name().toLowerCase(Locale.ROOT);
  }

  private static String ratio(double value, double reference) {
    return reference > 0 ? String.format(Locale.ROOT, "%.3f", value / reference) : "na";
  }

  private static void append(StringBuilder line, String key, String value) {
    if (line.length() > 0) {
      line.append(' ');
    }
    line.append(key).append('=').append(value);
  }
}
