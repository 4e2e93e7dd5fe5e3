package io.riskstream.evaluation.report;

import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.Staleness;
import io.riskstream.evaluation.metrics.VersionUse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The report as one self-contained {@code report.html}: styles inline, plots as inline SVG, no
 * script, font or image from anywhere, so it opens offline and can be mailed as a single file. A
 * Content-Security-Policy that allows nothing but the inline styles makes a browser refuse any load
 * that slipped in. Every text from the report is escaped.
 */
final class ReportHtml {

  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  private static final String STYLE =
      """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
      h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
      table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
      th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.best { background: #d9f2d9; font-weight: bold; }
      td.about { color: #555; max-width: 420px; }
      tr.section th { background: #f3f3f3; }
      .legend span.key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 14px;
        vertical-align: middle; }
      .charts { display: flex; flex-wrap: wrap; gap: 8px; }
      svg.chart { font-size: 11px; background: #fff; }
      svg.chart .title { font-size: 13px; font-weight: bold; }
      svg.chart .grid { stroke: #e8e8e8; } svg.chart .axis { stroke: #888; }
      svg.chart .tick { fill: #555; }
      p.empty, p.note { color: #666; }
      """;

  private ReportHtml() {}

  static String render(EvaluationReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\"")
        .append(" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>RiskStream evaluation</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>RiskStream evaluation</h1>\n");
    settings(html, report.settings());
    html.append("<h2>Models compared</h2>\n")
        .append(ComparisonTable.render(report.models(), report.published()))
        .append(
            "<p class=\"note\">Highlighted: the best value of each column. The published numbers"
                + " come from other training and test periods than this replay's; they are a"
                + " reference, not a like-for-like comparison.</p>\n");
    daily(html, report.models());
    distributions(html, report.models());
    performance(html, report.performance());
    versions(html, report.versions(), report.staleness());
    definitions(html);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void settings(StringBuilder html, Map<String, String> settings) {
    html.append("<h2>What was run</h2>\n<table class=\"settings\">\n");
    settings.forEach(
        (key, value) ->
            html.append("<tr><th>")
                .append(Html.escape(key))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static void daily(StringBuilder html, List<ModelResult> models) {
    html.append("<h2>Quality per day</h2>\n<p class=\"legend\">");
    for (int i = 0; i < models.size(); i++) {
      html.append("<span class=\"key\" style=\"background:")
          .append(color(i))
          .append("\"></span>")
          .append(Html.escape(models.get(i).name()));
    }
    html.append("</p>\n")
        .append(DailyChart.render("AUC ROC per day", series(models, FraudMetrics.Day::auc), 0.5, 3))
        .append(
            DailyChart.render(
                "Average precision per day", series(models, FraudMetrics.Day::ap), 0, 3))
        .append(DailyChart.render("CP@100 per day", series(models, FraudMetrics.Day::cp100), 0, 3))
        .append(
            "<p class=\"note\">A gap: the metric is undefined that day (no fraud, or no genuine"
                + " transaction).</p>\n");
  }

  private static List<DailyChart.Series> series(
      List<ModelResult> models, ToDoubleFunction<FraudMetrics.Day> metric) {
    List<DailyChart.Series> series = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      SortedMap<LocalDate, Double> values = new TreeMap<>();
      for (FraudMetrics.Day day : models.get(i).metrics().days()) {
        values.put(day.date(), metric.applyAsDouble(day));
      }
      series.add(new DailyChart.Series(models.get(i).name(), color(i), values));
    }
    return series;
  }

  private static void distributions(StringBuilder html, List<ModelResult> models) {
    html.append("<h2>Score distributions</h2>\n<p class=\"legend\">")
        .append("<span class=\"key\" style=\"background:")
        .append(HistogramChart.GENUINE)
        .append("\"></span>genuine<span class=\"key\" style=\"background:")
        .append(HistogramChart.FRAUD)
        .append("\"></span>fraud (transactions per score bin, log scale)</p>\n")
        .append("<div class=\"charts\">\n");
    for (ModelResult model : models) {
      html.append(HistogramChart.render(model.name(), model.scores()));
    }
    html.append("</div>\n");
  }

  private static void performance(StringBuilder html, Performance p) {
    html.append("<h2>Platform performance</h2>\n<table>\n");
    row(html, "Transactions scored", Long.toString(p.transactions()));
    row(html, "Wall-clock time (s)", Html.number(p.wallSeconds(), 1));
    row(html, "Throughput (txn/s)", Html.number(p.throughputPerSecond(), 1));
    row(html, "End-to-end latency p50 (ms)", Html.number(p.latencyP50Ms(), 1));
    row(html, "End-to-end latency p99 (ms)", Html.number(p.latencyP99Ms(), 1));
    row(html, "End-to-end latency p99.9 (ms)", Html.number(p.latencyP999Ms(), 1));
    html.append("</table>\n");
  }

  private static void versions(StringBuilder html, List<VersionUse> versions, Staleness s) {
    html.append("<h2>Model versions and staleness</h2>\n")
        .append(TimelineChart.render("Model version by scored event time", versions))
        .append(
            "<p class=\"note\">Bar: the event times a version scored. Hollow dot: the label event"
                + " time it was trained through; the dashed line is its staleness when it started"
                + " scoring.</p>\n<table>\n");
    row(html, "Staleness p50 (h)", Html.number(s.p50Hours(), 1));
    row(html, "Staleness p99 (h)", Html.number(s.p99Hours(), 1));
    row(html, "Staleness max (h)", Html.number(s.maxHours(), 1));
    html.append("</table>\n");
    SortedMap<LocalDate, Double> perDay = new TreeMap<>();
    for (Staleness.DayMean day : s.perDay()) {
      perDay.put(day.date(), day.meanHours());
    }
    html.append(
        DailyChart.render(
            "Mean staleness per day (hours)",
            List.of(new DailyChart.Series("staleness (h)", color(0), perDay)),
            0,
            1));
    html.append("<details><summary>")
        .append(versions.size())
        .append(" model versions</summary>\n<table>\n<thead><tr><th class=\"num\">Version</th>")
        .append(
            "<th class=\"num\">Scores</th><th>First scored (UTC)</th><th>Last scored (UTC)</th>")
        .append("<th>Trained through (UTC)</th></tr></thead>\n<tbody>\n");
    for (VersionUse v : versions) {
      html.append("<tr><td class=\"num\">")
          .append(v.version())
          .append("</td><td class=\"num\">")
          .append(v.scores())
          .append("</td><td>")
          .append(SvgPlot.time(v.firstScoredEventTime()))
          .append("</td><td>")
          .append(SvgPlot.time(v.lastScoredEventTime()))
          .append("</td><td>")
          .append(v.trained() ? SvgPlot.time(v.trainedThrough()) : Html.NONE)
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</details>\n");
  }

  private static void definitions(StringBuilder html) {
    html.append(
        """
        <h2>How the metrics are computed</h2>
        <ul>
        <li><b>AUC ROC</b> and <b>AP</b> (average precision, as scikit-learn computes it) rank every
        scored transaction; tied scores form one threshold.</li>
        <li><b>CP@100</b> is the fraud-detection handbook's card precision top-100: each UTC day,
        the transactions of cards already found compromised on an earlier day are dropped, the
        remaining ones are grouped by card (highest score, fraud if any transaction is), the 100
        highest-scored cards are taken, and the day's precision is their fraudulent cards divided
        by 100; those cards join the compromised list. CP@100 is the mean over the days. Ties at
        the 100th place are broken by card id.</li>
        <li><b>Recall @ 1% FPR</b>: the largest share of frauds flagged by a score threshold that
        flags at most 1% of the genuine transactions; a threshold flags all scores at or above
        it.</li>
        <li>Per day: the UTC calendar day of the transaction's event time. AUC, AP and recall are
        undefined (shown as &#8211;, null in metrics.json) where a day has only one class.</li>
        <li><b>Staleness</b>: a scored transaction's event time minus the label event time its
        model was trained through.</li>
        </ul>
        """);
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>")
        .append(Html.escape(name))
        .append("</th><td class=\"num\">")
        .append(Html.escape(value))
        .append("</td></tr>\n");
  }

  private static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }
}
