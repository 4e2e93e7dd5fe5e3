package io.riskstream.evaluation.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an {@link EvaluationReport} as the two files {@code riskstream evaluate} leaves behind.
 */
public final class ReportFiles {

  public static final String METRICS_JSON = "metrics.json";
  public static final String REPORT_HTML = "report.html";

  private ReportFiles() {}

  /**
   * Writes {@value #METRICS_JSON} and {@value #REPORT_HTML} into {@code dir}, creating it if needed
   * and replacing files of an earlier run.
   */
  public static void write(Path dir, EvaluationReport report) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(METRICS_JSON), MetricsJson.write(report), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(REPORT_HTML), ReportHtml.render(report), StandardCharsets.UTF_8);
  }
}
