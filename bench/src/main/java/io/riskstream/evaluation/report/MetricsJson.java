package io.riskstream.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.ScoreHistogram;
import io.riskstream.evaluation.metrics.Staleness;
import io.riskstream.evaluation.metrics.VersionUse;
import java.time.Instant;

/**
 * The report as {@code metrics.json}: snake_case keys, models keyed by name, dates as ISO-8601
 * strings ({@code 2018-04-01}, times in UTC), and NaN or infinite numbers as {@code null} (JSON has
 * no NaN, and Jackson would otherwise write the string "NaN"). The tree is built by hand rather
 * than by serializing the records so that the file's keys stay put when a Java name changes.
 */
final class MetricsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  static String write(EvaluationReport report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static ObjectNode tree(EvaluationReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode settings = root.putObject("settings");
    report.settings().forEach(settings::put);
    ObjectNode models = root.putObject("models");
    for (ModelResult model : report.models()) {
      model(models.putObject(model.name()), model);
    }
    ArrayNode published = root.putArray("published");
    for (PublishedResult p : report.published()) {
      ObjectNode node = published.addObject();
      node.put("name", p.name());
      node.put("source", p.source());
      number(node, "auc", p.auc());
      number(node, "ap", p.ap());
      number(node, "cp100", p.cp100());
    }
    performance(root.putObject("performance"), report.performance());
    ArrayNode versions = root.putArray("versions");
    for (VersionUse v : report.versions()) {
      ObjectNode node = versions.addObject();
      node.put("version", v.version());
      node.put("scores", v.scores());
      node.put(
          "first_scored_event_time", Instant.ofEpochMilli(v.firstScoredEventTime()).toString());
      node.put("last_scored_event_time", Instant.ofEpochMilli(v.lastScoredEventTime()).toString());
      if (v.trained()) {
        node.put("trained_through", Instant.ofEpochMilli(v.trainedThrough()).toString());
      } else {
        node.putNull("trained_through");
      }
    }
    staleness(root.putObject("staleness"), report.staleness());
    return root;
  }

  private static void model(ObjectNode node, ModelResult model) {
    FraudMetrics.Summary m = model.metrics();
    node.put("description", model.description());
    number(node, "auc", m.auc());
    number(node, "ap", m.ap());
    number(node, "cp100", m.cp100());
    number(node, "recall_at_1pct_fpr", m.recallAt1PctFpr());
    node.put("transactions", m.transactions());
    node.put("frauds", m.frauds());
    ArrayNode days = node.putArray("days");
    for (FraudMetrics.Day d : m.days()) {
      ObjectNode day = days.addObject();
      day.put("date", d.date().toString());
      number(day, "auc", d.auc());
      number(day, "ap", d.ap());
      number(day, "cp100", d.cp100());
      number(day, "recall_at_1pct_fpr", d.recallAt1PctFpr());
      day.put("transactions", d.transactions());
      day.put("frauds", d.frauds());
    }
    ScoreHistogram h = model.scores();
    ObjectNode histogram = node.putObject("score_histogram");
    histogram.put("bins", h.bins());
    histogram.put("lower", 0.0);
    histogram.put("upper", 1.0);
    ArrayNode genuine = histogram.putArray("genuine");
    for (long count : h.genuine()) {
      genuine.add(count);
    }
    ArrayNode fraud = histogram.putArray("fraud");
    for (long count : h.fraud()) {
      fraud.add(count);
    }
  }

  private static void performance(ObjectNode node, Performance p) {
    node.put("transactions", p.transactions());
    number(node, "wall_seconds", p.wallSeconds());
    number(node, "throughput_txn_per_s", p.throughputPerSecond());
    ObjectNode latency = node.putObject("latency_ms");
    number(latency, "p50", p.latencyP50Ms());
    number(latency, "p99", p.latencyP99Ms());
    number(latency, "p99_9", p.latencyP999Ms());
  }

  private static void staleness(ObjectNode node, Staleness s) {
    number(node, "p50_hours", s.p50Hours());
    number(node, "p99_hours", s.p99Hours());
    number(node, "max_hours", s.maxHours());
    ArrayNode perDay = node.putArray("per_day");
    for (Staleness.DayMean d : s.perDay()) {
      ObjectNode day = perDay.addObject();
      day.put("date", d.date().toString());
      number(day, "mean_hours", d.meanHours());
    }
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
