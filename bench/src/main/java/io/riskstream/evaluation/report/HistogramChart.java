package io.riskstream.evaluation.report;

import io.riskstream.evaluation.metrics.ScoreHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One model's score distribution: genuine and fraudulent transactions per score bin, overlaid, with
 * bar heights on a log scale (log10 of 1 + count) since genuine transactions outnumber frauds by
 * two to three orders of magnitude; a bin with one transaction still shows.
 */
final class HistogramChart {

  static final String GENUINE = "#1f77b4";
  static final String FRAUD = "#d62728";

  private static final int WIDTH = 370;
  private static final int HEIGHT = 210;

  private HistogramChart() {}

  static String render(String title, ScoreHistogram histogram) {
    long[] genuine = histogram.genuine();
    long[] fraud = histogram.fraud();
    long max = 1;
    for (int i = 0; i < histogram.bins(); i++) {
      max = Math.max(max, Math.max(genuine[i], fraud[i]));
    }
    int decades = (int) Math.ceil(Math.log10(max + 1.0));
    SvgPlot plot = new SvgPlot(WIDTH, HEIGHT, 0, 1, 0, decades);
    bars(plot, histogram, genuine, GENUINE, "genuine");
    bars(plot, histogram, fraud, FRAUD, "fraud");
    List<SvgPlot.Tick> yTicks = new ArrayList<>();
    for (int d = 0; d <= decades; d++) {
      long count = (long) Math.pow(10, d);
      yTicks.add(new SvgPlot.Tick(height(count), countLabel(count)));
    }
    return plot.render(title, SvgPlot.linearTicks(0, 1, 4, 2), yTicks);
  }

  private static void bars(
      SvgPlot plot, ScoreHistogram histogram, long[] counts, String color, String what) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      double left = plot.px(histogram.binLower(i));
      double right = plot.px(histogram.binLower(i + 1));
      double top = plot.py(height(counts[i]));
      plot.add(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                  + " fill-opacity=\"0.5\"><title>%s</title></rect>",
              left,
              top,
              Math.max(0.5, right - left - 0.5), // a hairline gap keeps adjacent bars apart
              plot.bottom() - top,
              color,
              Html.escape(
                  Html.number(histogram.binLower(i), 2)
                      + "\u2013"
                      + Html.number(histogram.binLower(i + 1), 2)
                      + ": "
                      + counts[i]
                      + " "
                      + what)));
    }
  }

  private static double height(long count) {
    return Math.log10(1.0 + count);
  }

  private static String countLabel(long count) {
    if (count >= 1_000_000) {
      return count / 1_000_000 + "M";
    }
    return count >= 1_000 ? count / 1_000 + "k" : Long.toString(count);
  }
}
