package io.riskstream.evaluation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart's frame: an inline SVG of a fixed size with margins for the axes, the mapping from data
 * to pixel coordinates, grid lines and tick labels. The charts add their marks in data coordinates
 * through {@link #x} and {@link #y}. Inline SVG needs no script, font or network, so the report
 * opens anywhere.
 */
final class SvgPlot {

  /** A labelled position on an axis, in data units. */
  record Tick(double value, String label) {}

  private static final int LEFT = 56;
  private static final int RIGHT = 36; // room for half of the last date label
  private static final int TOP = 28;
  private static final int BOTTOM = 30;

  private final int width;
  private final int height;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;
  private final StringBuilder marks = new StringBuilder();

  SvgPlot(int width, int height, double xMin, double xMax, double yMin, double yMax) {
    this.width = width;
    this.height = height;
    // A single x or y value would divide by zero: give it a unit of room around it.
    this.xMin = xMax > xMin ? xMin : xMin - 0.5;
    this.xMax = xMax > xMin ? xMax : xMax + 0.5;
    this.yMin = yMax > yMin ? yMin : yMin - 0.5;
    this.yMax = yMax > yMin ? yMax : yMax + 0.5;
  }

  /** The pixel x of a data x. */
  double px(double value) {
    return LEFT + (value - xMin) / (xMax - xMin) * (width - LEFT - RIGHT);
  }

  /** The pixel y of a data y. */
  double py(double value) {
    return height - BOTTOM - (value - yMin) / (yMax - yMin) * (height - TOP - BOTTOM);
  }

  /** {@link #px} as an attribute value. */
  String x(double value) {
    return coordinate(px(value));
  }

  /** {@link #py} as an attribute value. */
  String y(double value) {
    return coordinate(py(value));
  }

  /** The pixel y of the x axis, for bars that grow from it. */
  double bottom() {
    return height - BOTTOM;
  }

  /** Appends one SVG element, built by the caller from {@link #x} and {@link #y}. */
  SvgPlot add(String element) {
    marks.append(element).append('\n');
    return this;
  }

  String render(String title, List<Tick> xTicks, List<Tick> yTicks) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(title))
        .append("\">\n<title>")
        .append(Html.escape(title))
        .append("</title>\n<text class=\"title\" x=\"")
        .append(LEFT)
        .append("\" y=\"16\">")
        .append(Html.escape(title))
        .append("</text>\n");
    for (Tick t : yTicks) {
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(width - RIGHT)
          .append("\" y1=\"")
          .append(y(t.value()))
          .append("\" y2=\"")
          .append(y(t.value()))
          .append("\"/><text class=\"tick\" text-anchor=\"end\" x=\"")
          .append(LEFT - 4)
          .append("\" y=\"")
          .append(y(t.value()))
          .append("\" dy=\"0.32em\">")
          .append(Html.escape(t.label()))
          .append("</text>\n");
    }
    for (Tick t : xTicks) {
      svg.append("<line class=\"axis\" x1=\"")
          .append(x(t.value()))
          .append("\" x2=\"")
          .append(x(t.value()))
          .append("\" y1=\"")
          .append(height - BOTTOM)
          .append("\" y2=\"")
          .append(height - BOTTOM + 4)
          .append("\"/><text class=\"tick\" text-anchor=\"middle\" x=\"")
          .append(x(t.value()))
          .append("\" y=\"")
          .append(height - BOTTOM + 16)
          .append("\">")
          .append(Html.escape(t.label()))
          .append("</text>\n");
    }
    svg.append("<line class=\"axis\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(width - RIGHT)
        .append("\" y1=\"")
        .append(height - BOTTOM)
        .append("\" y2=\"")
        .append(height - BOTTOM)
        .append("\"/>\n")
        .append(marks)
        .append("</svg>\n");
    return svg.toString();
  }

  /**
   * Ticks at round values (1, 2 or 5 times a power of ten apart, three to six intervals) covering
   * {@code [min, max]}; the first and last tick are the axis' ends.
   */
  static List<Tick> roundTicks(double min, double max) {
    double span = max > min ? max - min : Math.max(1e-9, Math.abs(max));
    double magnitude = Math.pow(10, Math.floor(Math.log10(span / 5)));
    double step = 10 * magnitude;
    for (double mantissa : new double[] {1, 2, 5}) {
      if (mantissa * magnitude >= span / 5) {
        step = mantissa * magnitude;
        break;
      }
    }
    long first = (long) Math.floor(min / step + 1e-9);
    long last = Math.max(first + 1, (long) Math.ceil(max / step - 1e-9));
    int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    List<Tick> ticks = new ArrayList<>();
    for (long i = first; i <= last; i++) {
      ticks.add(new Tick(i * step, Html.number(i * step, decimals)));
    }
    return ticks;
  }

  /** {@code count + 1} evenly spaced ticks from {@code min} to {@code max}. */
  static List<Tick> linearTicks(double min, double max, int count, int decimals) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= count; i++) {
      double value = min + (max - min) * i / count;
      ticks.add(new Tick(value, Html.number(value, decimals)));
    }
    return ticks;
  }

  /** At most about {@code max} ticks on whole days, in epoch-day units. */
  static List<Tick> dayTicks(long firstEpochDay, long lastEpochDay, int max) {
    long step = Math.max(1, (long) Math.ceil((lastEpochDay - firstEpochDay + 1) / (double) max));
    List<Tick> ticks = new ArrayList<>();
    for (long day = firstEpochDay; day <= lastEpochDay; day += step) {
      ticks.add(new Tick(day, LocalDate.ofEpochDay(day).toString()));
    }
    return ticks;
  }

  /** Like {@link #dayTicks} at UTC midnights, in epoch-millisecond units. */
  static List<Tick> timeTicks(long firstMs, long lastMs, int max) {
    long first = Math.floorDiv(firstMs, 86_400_000L);
    long last = Math.floorDiv(lastMs, 86_400_000L) + 1;
    List<Tick> ticks = new ArrayList<>();
    for (Tick day : dayTicks(first, last, max)) {
      long ms = (long) day.value() * 86_400_000L;
      if (ms >= firstMs && ms <= lastMs) {
        ticks.add(new Tick(ms, day.label()));
      }
    }
    return ticks;
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A UTC timestamp as the report shows it, to the second. */
  static String time(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs));
  }

  /** Pixels with one decimal: finer is invisible and only makes the file bigger. */
  static String coordinate(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }
}
