package io.riskstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's Prometheus reporter in the MiniCluster; the jobs' metrics are scraped by the ITs. */
class EmbeddedFlinkTest {
  @TempDir Path dir;

  @Test
  void servesFlinksMetricsOnAFreePortOnlyWhenAsked() throws Exception {
    try (EmbeddedFlink plain = EmbeddedFlink.start(1, dir)) {
      assertThat(plain.metricsUrl()).isEmpty();
    }
    try (EmbeddedFlink flink = EmbeddedFlink.start(1, dir, OptionalInt.of(0))) {
      String url = flink.metricsUrl().orElseThrow();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("flink_jobmanager_");
    }
  }

  @Test
  void saysSoWhenTheReporterCannotHaveItsPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> EmbeddedFlink.start(1, dir, OptionalInt.of(port)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("port " + port);
    }
  }
}
