package io.riskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client's requests and its one-line errors, against a small JDK HTTP server. */
class FlinkRestClientTest {
  @TempDir Path dir;
  private HttpServer server;
  private String url;
  private final AtomicReference<String> lastBody = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(String path, int status, String body) {
    server.createContext(
        path,
        exchange -> {
          lastBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  @Test
  void uploadsTheJarAsMultipartAndReturnsItsId() throws Exception {
    answer(
        "/jars/upload",
        200,
        "{\"filename\":\"/tmp/flink-web/flink-web-upload/abc_riskstream-jobs.jar\",\"status\":\"success\"}");
    Path jar = dir.resolve("riskstream-jobs.jar");
    Files.writeString(jar, "PK-jar-bytes");

    assertThat(new FlinkRestClient(url + "/").uploadJar(jar)).isEqualTo("abc_riskstream-jobs.jar");
    assertThat(lastBody.get())
        .contains("name=\"jarfile\"; filename=\"riskstream-jobs.jar\"", "PK-jar-bytes");
  }

  @Test
  void runSendsEntryClassArgumentsAndConfiguration() {
    answer("/jars/abc.jar/run", 200, "{\"jobid\":\"0123\"}");

    String id =
        new FlinkRestClient(url)
            .runJar("abc.jar", "a.Main", List.of("scoring", "--x"), Map.of("k.secret", "v"));

    assertThat(id).isEqualTo("0123");
    assertThat(lastBody.get())
        .contains(
            "\"entryClass\":\"a.Main\"",
            "\"programArgsList\":[\"scoring\",\"--x\"]",
            "\"flinkConfiguration\":{\"k.secret\":\"v\"}");
  }

  @Test
  void flinksErrorTextIsOneLineWithoutTheServerSideTrace() {
    answer(
        "/jars/abc.jar/run",
        500,
        "{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\n"
            + "org.apache.flink.client.program.ProgramInvocationException: The main method caused"
            + " an error: riskstream-jobs: bad\\n\\tat org.apache.flink.X.y(X.java:1)\\n"
            + "End of exception on server side>\"]}");

    assertThatThrownBy(
            () -> new FlinkRestClient(url).runJar("abc.jar", "a.Main", List.of(), Map.of()))
        .isInstanceOf(FlinkRestException.class)
        .hasMessage(
            "POST /jars/abc.jar/run answered 500: Internal server error.;"
                + " org.apache.flink.client.program.ProgramInvocationException: The main method"
                + " caused an error: riskstream-jobs: bad; End of exception on server side>");
  }

  @Test
  void aNotFoundJarAndANonFlinkServerAreNamed() {
    answer("/jars/upload", 404, "{\"errors\":[\"Not found: /jars/upload\"]}");
    answer("/jobs/overview", 200, "<html>a proxy</html>");
    Path jar = dir.resolve("j.jar");

    assertThatThrownBy(() -> new FlinkRestClient(url).uploadJar(jar))
        .hasMessageStartingWith("cannot read jar " + jar);
    assertThatThrownBy(
            () -> {
              Files.writeString(jar, "x");
              new FlinkRestClient(url).uploadJar(jar);
            })
        .hasMessage("POST /jars/upload answered 404: Not found: /jars/upload");
    assertThatThrownBy(() -> new FlinkRestClient(url).jobs())
        .hasMessage("GET /jobs/overview answered 200 with no JSON; is " + url + " Flink?");
  }

  @Test
  void badAndUnreachableUrlsAreOneLine() throws Exception {
    assertThatThrownBy(() -> new FlinkRestClient("jobmanager:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--flink-rest must be an http(s) URL such as http://jobmanager:8081, was"
                + " jobmanager:8081");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closed;
    assertThatThrownBy(() -> new FlinkRestClient(nowhere).jobs())
        .isInstanceOf(FlinkRestException.class)
        .hasMessageStartingWith(
            "cannot reach Flink's REST API at " + nowhere + " (GET /jobs/overview): ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aJobRunsOnlyWhenEveryVertexRuns() {
    answer(
        "/jobs/j1",
        200,
        "{\"state\":\"RUNNING\",\"vertices\":[{\"status\":\"RUNNING\"},{\"status\":\"INITIALIZING\"}]}");
    answer("/jobs/j2", 200, "{\"state\":\"RUNNING\",\"vertices\":[{\"status\":\"RUNNING\"}]}");
    answer(
        "/jobs/overview",
        200,
        "{\"jobs\":[{\"jid\":\"j1\",\"name\":\"n\",\"state\":\"RUNNING\"}]}");
    FlinkRestClient client = new FlinkRestClient(url);

    assertThat(client.jobState("j1")).isEqualTo("STARTING");
    assertThat(client.jobState("j2")).isEqualTo("RUNNING");
    assertThat(client.jobs())
        .containsExactly(new FlinkRestClient.JobOverview("j1", "n", "RUNNING"));
  }
}
