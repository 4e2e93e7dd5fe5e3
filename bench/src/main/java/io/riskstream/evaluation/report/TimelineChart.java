package io.riskstream.evaluation.report;

import io.riskstream.evaluation.metrics.VersionUse;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's model versions over the replay: for each version a bar over the event times it
 * scored, and a hollow dot at the label event time it was trained through, joined to the bar by a
 * dashed line whose length is how stale the model was when it started scoring.
 */
final class TimelineChart {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final String SCORED = "#1f77b4";
  private static final String TRAINED = "#555555";

  private TimelineChart() {}

  static String render(String title, List<VersionUse> versions) {
    if (versions.isEmpty()) {
      return "<p class=\"empty\">" + Html.escape(title) + ": no model versions recorded.</p>\n";
    }
    long from = Long.MAX_VALUE;
    long until = Long.MIN_VALUE;
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    for (VersionUse v : versions) {
      from = Math.min(from, v.trained() ? v.trainedThrough() : v.firstScoredEventTime());
      from = Math.min(from, v.firstScoredEventTime());
      until = Math.max(until, v.lastScoredEventTime());
      lowest = Math.min(lowest, v.version());
      highest = Math.max(highest, v.version());
    }
    SvgPlot plot = new SvgPlot(WIDTH, HEIGHT, from, until, lowest - 0.5, highest + 0.5);
    for (VersionUse v : versions) {
      version(plot, v);
    }
    return plot.render(title, SvgPlot.timeTicks(from, until, 7), versionTicks(lowest, highest));
  }

  private static void version(SvgPlot plot, VersionUse v) {
    String y = plot.y(v.version());
    String tooltip =
        "version "
            + v.version()
            + ": "
            + v.scores()
            + " scores, "
            + SvgPlot.time(v.firstScoredEventTime())
            + " to "
            + SvgPlot.time(v.lastScoredEventTime())
            + (v.trained()
                ? "; trained through " + SvgPlot.time(v.trainedThrough())
                : "; not trained on any label");
    if (v.trained()) {
      plot.add(
          "<line stroke=\""
              + TRAINED
              + "\" stroke-dasharray=\"3 3\" x1=\""
              + plot.x(v.trainedThrough())
              + "\" x2=\""
              + plot.x(v.firstScoredEventTime())
              + "\" y1=\""
              + y
              + "\" y2=\""
              + y
              + "\"/>");
      plot.add(
          "<circle fill=\"white\" stroke=\""
              + TRAINED
              + "\" r=\"3\" cx=\""
              + plot.x(v.trainedThrough())
              + "\" cy=\""
              + y
              + "\"><title>"
              + Html.escape(tooltip)
              + "</title></circle>");
    }
    // At least 2 px wide: a version that scored for a moment must still be visible.
    double left = plot.px(v.firstScoredEventTime());
    double right = Math.max(left + 2, plot.px(v.lastScoredEventTime()));
    plot.add(
        "<line stroke=\""
            + SCORED
            + "\" stroke-width=\"5\" x1=\""
            + SvgPlot.coordinate(left)
            + "\" x2=\""
            + SvgPlot.coordinate(right)
            + "\" y1=\""
            + y
            + "\" y2=\""
            + y
            + "\"><title>"
            + Html.escape(tooltip)
            + "</title></line>");
  }

  /** Whole version numbers only, about eight of them at most. */
  private static List<SvgPlot.Tick> versionTicks(long lowest, long highest) {
    long step = Math.max(1, (long) Math.ceil((highest - lowest + 1) / 8.0));
    List<SvgPlot.Tick> ticks = new ArrayList<>();
    for (long v = lowest; v <= highest; v += step) {
      ticks.add(new SvgPlot.Tick(v, "v" + v));
    }
    return ticks;
  }
}
