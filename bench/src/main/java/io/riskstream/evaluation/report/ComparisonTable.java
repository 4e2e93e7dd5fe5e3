package io.riskstream.evaluation.report;

import io.riskstream.evaluation.metrics.FraudMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The table of every measured model and every published result side by side, the best value of each
 * metric column highlighted. Best is compared as shown (three decimals), so values that read the
 * same are highlighted together.
 */
final class ComparisonTable {

  private static final String[] METRICS = {"AUC ROC", "AP", "CP@100", "Recall @ 1% FPR"};
  private static final int DECIMALS = 3;

  /** One row: a label, what it is, and its metrics in the order of {@link #METRICS}. */
  private record Row(String name, String about, double[] metrics, String transactions) {}

  private ComparisonTable() {}

  static String render(List<ModelResult> models, List<PublishedResult> published) {
    List<Row> measured = new ArrayList<>();
    for (ModelResult m : models) {
      FraudMetrics.Summary s = m.metrics();
      measured.add(
          new Row(
              m.name(),
              m.description(),
              new double[] {s.auc(), s.ap(), s.cp100(), s.recallAt1PctFpr()},
              s.transactions() + " (" + s.frauds() + " fraud)"));
    }
    List<Row> reported = new ArrayList<>();
    for (PublishedResult p : published) {
      reported.add(
          new Row(p.name(), p.source(), new double[] {p.auc(), p.ap(), p.cp100(), Double.NaN}, ""));
    }
    double[] best = best(measured, reported);

    StringBuilder html =
        new StringBuilder("<table class=\"comparison\">\n<thead><tr><th>Model</th>");
    html.append("<th>What</th>");
    for (String metric : METRICS) {
      html.append("<th class=\"num\">").append(Html.escape(metric)).append("</th>");
    }
    html.append("<th class=\"num\">Transactions</th></tr></thead>\n<tbody>\n");
    section(html, "Measured in this replay", measured, best);
    section(html, "Published (their own split of the data, not this replay)", reported, best);
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static double[] best(List<Row> measured, List<Row> reported) {
    double[] best = new double[METRICS.length];
    Arrays.fill(best, Double.NaN);
    List<Row> all = new ArrayList<>(measured);
    all.addAll(reported);
    for (Row row : all) {
      for (int i = 0; i < best.length; i++) {
        double shown = shown(row.metrics()[i]);
        if (Double.isFinite(shown) && !(shown <= best[i])) {
          best[i] = shown;
        }
      }
    }
    return best;
  }

  private static void section(StringBuilder html, String title, List<Row> rows, double[] best) {
    if (rows.isEmpty()) {
      return;
    }
    html.append("<tr class=\"section\"><th colspan=\"")
        .append(METRICS.length + 3)
        .append("\">")
        .append(Html.escape(title))
        .append("</th></tr>\n");
    for (Row row : rows) {
      html.append("<tr><td>")
          .append(Html.escape(row.name()))
          .append("</td><td class=\"about\">")
          .append(Html.escape(row.about()))
          .append("</td>");
      for (int i = 0; i < METRICS.length; i++) {
        double value = row.metrics()[i];
        boolean isBest = Double.isFinite(value) && shown(value) == best[i];
        html.append(isBest ? "<td class=\"num best\">" : "<td class=\"num\">")
            .append(Html.number(value, DECIMALS))
            .append("</td>");
      }
      html.append("<td class=\"num\">")
          .append(Html.escape(row.transactions()))
          .append("</td></tr>\n");
    }
  }

  /** The value as the table shows it, rounded to {@link #DECIMALS}. */
  private static double shown(double value) {
    return Double.isFinite(value) ? Double.parseDouble(Html.number(value, DECIMALS)) : Double.NaN;
  }
}
