package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.Decision;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final LiveView view = new LiveView();
  private DashboardServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesThePageItsChartsLibraryTheStateAndPlatformMetrics() throws Exception {
    start(null);
    long now = System.currentTimeMillis();
    view.onScore(Records.score("t1", 0.9, Decision.DECLINE, now - 30, 7), now);

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    assertThat(page.body()).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
    assertThat(get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").body()).contains("uPlot");
    assertThat(get("/static/dashboard.js").statusCode()).isEqualTo(200);
    assertThat(get("/api/state").body()).contains("\"DECLINE\":1").contains("\"modelVersion\":7");

    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("riskstream_scores_total{decision=\"DECLINE\"} 1.0")
        .contains("riskstream_model_version 7.0")
        .contains("riskstream_end_to_end_latency_seconds{quantile=\"0.5\"}");
  }

  @Test
  void pushesTheStateAsServerSentEvents() throws Exception {
    start(null);
    HttpRequest request = HttpRequest.newBuilder(uri("/events")).build();
    HttpResponse<java.io.InputStream> stream =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValue("text/event-stream; charset=utf-8");
      assertThat(lines.readLine()).isEqualTo("event: state");
      assertThat(lines.readLine()).startsWith("data: {").contains("\"scores\":0");
      assertThat(lines.readLine()).isEmpty();
      view.onScore(Records.score("t1", 0.1, Decision.APPROVE, 0, 1), System.currentTimeMillis());
      assertThat(lines.readLine()).isEqualTo("event: state");
      assertThat(lines.readLine()).as("the next push, no reload").contains("\"scores\":1");
    }
  }

  @Test
  void withATokenDataNeedsItButTheScriptsDoNot() throws Exception {
    start("s3cret");

    assertThat(get("/").statusCode()).isEqualTo(401);
    assertThat(get("/metrics").statusCode()).isEqualTo(401);
    assertThat(get("/api/state?token=wrong").statusCode()).isEqualTo(401);
    assertThat(get("/api/state?token=s3cret").statusCode()).isEqualTo(200);
    HttpRequest bearer =
        HttpRequest.newBuilder(uri("/metrics")).header("Authorization", "Bearer s3cret").build();
    assertThat(http.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(get("/static/dashboard.js").statusCode()).isEqualTo(200);
  }

  @Test
  void servesNothingOutsideItsOwnResources() throws Exception {
    start(null);

    assertThat(get("/static/../../../../etc/passwd").statusCode()).isEqualTo(404);
    assertThat(get("/static/LiveView.class").statusCode()).isEqualTo(404);
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  private void start(String token) throws Exception {
    server =
        new DashboardServer(
            new InetSocketAddress("127.0.0.1", 0),
            token,
            () -> StateJson.of(view.state(System.currentTimeMillis())),
            new PlatformMetrics(view, () -> 0),
            Duration.ofMillis(200));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
