package io.riskstream.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskstream.evaluation.Scored;
import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.Staleness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  private static final EvaluationReport REPORT = ExampleReport.build(7);

  @Test
  void metricsJsonParsesBackWithEveryModelsMetricsAndNaNAsNull(@TempDir Path dir)
      throws IOException {
    ReportFiles.write(dir, REPORT);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportFiles.METRICS_JSON).toFile());

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("settings", "models", "published", "performance", "versions", "staleness");
    assertThat(json.path("models").size()).isEqualTo(REPORT.models().size());
    for (ModelResult model : REPORT.models()) {
      FraudMetrics.Summary m = model.metrics();
      JsonNode node = json.path("models").path(model.name());
      assertThat(node.path("description").asText()).isEqualTo(model.description());
      assertThat(node.path("auc").doubleValue()).isEqualTo(m.auc());
      assertThat(node.path("ap").doubleValue()).isEqualTo(m.ap());
      assertThat(node.path("cp100").doubleValue()).isEqualTo(m.cp100());
      assertThat(node.path("recall_at_1pct_fpr").doubleValue()).isEqualTo(m.recallAt1PctFpr());
      assertThat(node.path("transactions").longValue()).isEqualTo(m.transactions());
      assertThat(node.path("frauds").longValue()).isEqualTo(m.frauds());
      assertThat(node.path("days").size()).isEqualTo(ExampleReport.DAYS);
      assertThat(node.path("score_histogram").path("genuine").size()).isEqualTo(50);

      JsonNode noFraud = node.path("days").get(ExampleReport.DAY_WITHOUT_FRAUD);
      assertThat(noFraud.path("date").asText()).isEqualTo("2018-07-10");
      assertThat(noFraud.path("frauds").longValue()).isZero();
      assertThat(noFraud.path("auc").isNull()).isTrue();
      assertThat(noFraud.path("ap").isNull()).isTrue();
      assertThat(noFraud.path("recall_at_1pct_fpr").isNull()).isTrue();
      assertThat(noFraud.path("cp100").doubleValue()).isZero();
    }

    assertThat(json.path("settings").path("label delay").asText()).isEqualTo("7 days");
    assertThat(json.path("published").size()).isEqualTo(12);
    assertThat(json.path("published").get(8).path("name").asText()).isEqualTo("XGBoost");
    assertThat(json.path("published").get(8).path("cp100").doubleValue()).isEqualTo(0.303);

    JsonNode performance = json.path("performance");
    assertThat(performance.path("transactions").longValue())
        .isEqualTo(REPORT.performance().transactions());
    assertThat(performance.path("throughput_txn_per_s").doubleValue())
        .isEqualTo(REPORT.performance().throughputPerSecond());
    assertThat(performance.path("latency_ms").path("p99_9").doubleValue())
        .isEqualTo(REPORT.performance().latencyP999Ms());

    JsonNode versions = json.path("versions");
    assertThat(versions.size()).isEqualTo(REPORT.versions().size());
    assertThat(versions.get(0).path("trained_through").isNull()).isTrue();
    assertThat(versions.get(1).path("trained_through").asText()).isEqualTo("2018-07-02T00:00:00Z");
    assertThat(versions.get(1).path("scores").longValue())
        .isEqualTo(REPORT.versions().get(1).scores());

    Staleness staleness = REPORT.staleness();
    assertThat(json.path("staleness").path("p99_hours").doubleValue())
        .isEqualTo(staleness.p99Hours());
    assertThat(json.path("staleness").path("per_day").size()).isEqualTo(staleness.perDay().size());
  }

  @Test
  void undefinedTopLevelNumbersAreNullToo(@TempDir Path dir) throws IOException {
    EvaluationReport report =
        new EvaluationReport(
            Map.of(),
            List.of(
                ModelResult.of(
                    "genuine-only", "no fraud", List.of(new Scored("c", 0, false, 0.2)))),
            List.of(),
            new Performance(0, 0, Double.NaN, Double.NaN, Double.NaN),
            List.of(),
            Staleness.none());
    ReportFiles.write(dir, report);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportFiles.METRICS_JSON).toFile());

    assertThat(json.path("models").path("genuine-only").path("auc").isNull()).isTrue();
    assertThat(json.path("performance").path("throughput_txn_per_s").isNull()).isTrue();
    assertThat(json.path("performance").path("latency_ms").path("p50").isNull()).isTrue();
    assertThat(json.path("staleness").path("max_hours").isNull()).isTrue();
    assertThat(Files.readString(dir.resolve(ReportFiles.METRICS_JSON))).doesNotContain("NaN");
  }

  @Test
  void reportHtmlLoadsNothingAndShowsEveryModelInSvgCharts(@TempDir Path dir) throws IOException {
    ReportFiles.write(dir, REPORT);
    String html = Files.readString(dir.resolve(ReportFiles.REPORT_HTML));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</html>");
    assertThat(
            Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find())
        .as("a src or href that loads from the network")
        .isFalse();
    assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "<img", "@import", "url(");
    for (ModelResult model : REPORT.models()) {
      assertThat(html).contains(">" + model.name() + "<");
    }
    for (PublishedResult published : PublishedResult.handbook()) {
      assertThat(html).contains(published.source());
    }
    // Text from the report is escaped, never markup.
    assertThat(html)
        .contains("example/&lt;synthetic&gt; &amp; generated.csv")
        .doesNotContain("<synthetic>");
    // One line chart per metric, one histogram per model, the version timeline, staleness.
    assertThat(html.split("<svg", -1)).hasSize(1 + 3 + REPORT.models().size() + 1 + 1);
  }

  @Test
  void theBestValueOfEachColumnIsHighlightedTiesIncluded() {
    // Handbook only: AUC 0.876 (two rows), AP 0.687, CP@100 0.303 (two rows), no recall.
    String published = ComparisonTable.render(List.of(), PublishedResult.handbook());
    assertThat(published.split("class=\"num best\"", -1)).hasSize(1 + 5);
    assertThat(published.split("<td class=\"num best\">0.876</td>", -1)).hasSize(3);
    assertThat(published).contains("<td class=\"num best\">0.687</td>");
    assertThat(published.split("<td class=\"num best\">0.303</td>", -1)).hasSize(3);

    // The example's online model has the best AUC of all rows and the only recall.
    ModelResult online = REPORT.models().get(0);
    String all = ComparisonTable.render(REPORT.models(), PublishedResult.handbook());
    assertThat(online.metrics().auc()).isGreaterThan(0.876);
    assertThat(all)
        .contains("<td class=\"num best\">" + Html.number(online.metrics().auc(), 3) + "</td>")
        .doesNotContain("<td class=\"num best\">0.876</td>");
  }

  @Test
  void modelNamesAreUnique() {
    ModelResult model = REPORT.models().get(0);
    assertThatThrownBy(
            () ->
                new EvaluationReport(
                    Map.of(),
                    List.of(model, model),
                    List.of(),
                    REPORT.performance(),
                    List.of(),
                    Staleness.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(model.name());
  }

  @Test
  void writesAnExampleReportIntoTargetForAHumanToOpen() throws IOException {
    Path dir = Path.of("target", "evaluation-example");
    ReportFiles.write(dir, REPORT);

    assertThat(dir.resolve(ReportFiles.METRICS_JSON)).isNotEmptyFile();
    assertThat(dir.resolve(ReportFiles.REPORT_HTML)).isNotEmptyFile();
  }
}
