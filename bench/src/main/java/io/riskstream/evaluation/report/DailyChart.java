package io.riskstream.evaluation.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A line chart of one value per day, one line per series. A NaN day (a metric undefined that day)
 * breaks the line instead of being drawn as zero; every defined day also gets a dot, so that a day
 * between two gaps still shows, with its value as a tooltip.
 */
final class DailyChart {

  /** One line: its name for the tooltips, its colour, and its value per day. */
  record Series(String name, String color, SortedMap<LocalDate, Double> values) {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 250;

  private DailyChart() {}

  /**
   * The value axis spans the values, rounded out, and reaches down to at least {@code bottom} (0
   * for a precision; 0.5, chance, for an AUC, so that its usual 0.7 to 0.95 is not squeezed).
   *
   * @param decimals of the values in the tooltips
   */
  static String render(String title, List<Series> series, double bottom, int decimals) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double low = bottom;
    double high = bottom;
    for (Series s : series) {
      for (Map.Entry<LocalDate, Double> day : s.values().entrySet()) {
        first = Math.min(first, day.getKey().toEpochDay());
        last = Math.max(last, day.getKey().toEpochDay());
        if (Double.isFinite(day.getValue())) {
          low = Math.min(low, day.getValue());
          high = Math.max(high, day.getValue());
        }
      }
    }
    if (first > last) {
      return "<p class=\"empty\">" + Html.escape(title) + ": no days to show.</p>\n";
    }
    List<SvgPlot.Tick> yTicks = SvgPlot.roundTicks(low, high);
    SvgPlot plot =
        new SvgPlot(
            WIDTH,
            HEIGHT,
            first,
            last,
            yTicks.get(0).value(),
            yTicks.get(yTicks.size() - 1).value());
    for (Series s : series) {
      line(plot, s, decimals);
    }
    return plot.render(title, SvgPlot.dayTicks(first, last, 7), yTicks);
  }

  private static void line(SvgPlot plot, Series s, int decimals) {
    StringBuilder path = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    boolean drawing = false;
    for (Map.Entry<LocalDate, Double> day : s.values().entrySet()) {
      double value = day.getValue();
      if (!Double.isFinite(value)) {
        drawing = false;
        continue;
      }
      String x = plot.x(day.getKey().toEpochDay());
      String y = plot.y(value);
      path.append(drawing ? " L" : " M").append(x).append(' ').append(y);
      drawing = true;
      dots.append("<circle cx=\"")
          .append(x)
          .append("\" cy=\"")
          .append(y)
          .append("\" r=\"1.8\" fill=\"")
          .append(s.color())
          .append("\"><title>")
          .append(Html.escape(s.name() + " " + day.getKey() + ": " + Html.number(value, decimals)))
          .append("</title></circle>");
    }
    if (!path.isEmpty()) {
      plot.add(
          "<path fill=\"none\" stroke-width=\"1.5\" stroke=\""
              + s.color()
              + "\" d=\""
              + path.toString().trim()
              + "\"/>");
    }
    plot.add(dots.toString());
  }
}
