package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelEventKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard for docker-compose users queries only metrics the platform exports. Only
 * names that start with riskstream_ are this exporter's; Flink's reporter names the jobs' own
 * flink_…_riskstream_… (those are checked against a scrape in the end-to-end ITs).
 */
class GrafanaDashboardTest {
  private static final Pattern METRIC = Pattern.compile("(?<![A-Za-z0-9_:])riskstream_[a-z_]+");

  @Test
  void everyPlatformMetricItQueriesIsExported() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("grafana/riskstream.json").toFile());
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher m = METRIC.matcher(target.get("expr").asText());
        while (m.find()) {
          queried.add(m.group());
        }
      }
    }

    LiveView view = new LiveView();
    long now = System.currentTimeMillis();
    view.onScore(Records.score("t1", 0.9, Decision.DECLINE, now - 10, 3), now);
    view.onModelEvent(Records.event(ModelEventKind.GATE_REJECTED, 4, now, "AP fell"));
    view.onConsumerLag(Map.of("riskstream-scoring", 0L));
    view.onLabel(
        Label.newBuilder()
            .setTransactionId("t1")
            .setCardId("card-1")
            .setFraud(true)
            .setLabelTime(now - 1_000)
            .build(),
        now);
    view.onDeadLetter(
        DeadLetter.newBuilder()
            .setSourceTopic("transactions")
            .setPartition(0)
            .setOffset(0)
            .setReason("not valid Avro")
            .setPayload(ByteBuffer.wrap(new byte[0]))
            .setJob("riskstream-scoring")
            .setFailedAt(now)
            .build(),
        now);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    new PlatformMetrics(view, () -> 0).write(text);
    String exported = text.toString(StandardCharsets.UTF_8);

    assertThat(queried).hasSizeGreaterThan(5).noneMatch(name -> name.contains("decision_scores"));
    for (String metric : queried) {
      assertThat(exported).as("exports %s", metric).contains("\n" + metric);
    }
  }
}
