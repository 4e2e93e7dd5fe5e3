package io.riskstream.evaluation.report;

import java.util.Locale;

/** Text and numbers as the report's HTML and SVG show them. */
final class Html {

  /** What the page shows for a metric that is undefined (NaN) or was not measured. */
  static final String NONE = "\u2013";

  private Html() {}

  /** Escapes text for an element's content or a quoted attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A number with a fixed count of decimals (Locale.ROOT: a dot whatever the machine's locale). */
  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
