package io.riskstream.control;

import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model's versions as {@code riskstream model list} prints them, from model-events. */
public final class VersionTable {
  private static final String ROW = "%-8s %-8s %-17s %-20s %-8s %-8s %-8s %s";

  private VersionTable() {}

  /** A header line, one line per event (oldest first), then the summary line. */
  public static List<String> lines(List<ModelEvent> events) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            ROW,
            "version",
            "parent",
            "event",
            "trained_through",
            "loss",
            "ap_prev",
            "ap_new",
            "reason"));
    long published = 0;
    long rejected = 0;
    long rollbacks = 0;
    long drifts = 0;
    long newest = -1;
    for (ModelEvent event : events) {
      Map<String, Double> metrics = event.getMetrics();
      lines.add(
          String.format(
              Locale.ROOT,
              ROW,
              event.getVersion(),
              event.getParentVersion(),
              event.getKind(),
              event.getTrainedThrough() == 0
                  ? "-"
                  : Instant.ofEpochMilli(event.getTrainedThrough()).toString(),
              figure(metrics.get("loss")),
              figure(metrics.get("holdout_ap_before")),
              figure(metrics.get("holdout_ap")),
              event.getReason()));
      ModelEventKind kind = event.getKind();
      if (kind == ModelEventKind.PUBLISHED || kind == ModelEventKind.ROLLED_BACK) {
        newest = Math.max(newest, event.getVersion());
      }
      published += kind == ModelEventKind.PUBLISHED ? 1 : 0;
      rejected += kind == ModelEventKind.GATE_REJECTED ? 1 : 0;
      rollbacks += kind == ModelEventKind.ROLLED_BACK ? 1 : 0;
      drifts += kind == ModelEventKind.DRIFT_DETECTED ? 1 : 0;
    }
    lines.add(
        "published="
            + published
            + " rejected="
            + rejected
            + " rollbacks="
            + rollbacks
            + " drifts="
            + drifts
            + " newest_version="
            + newest);
    return lines;
  }

  private static String figure(Double value) {
    return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
