package io.riskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that deploying needs: upload a jar, run it, list and describe
 * jobs. Every failure is a {@link FlinkRestException} whose message is one line naming the call and
 * carrying Flink's own error text.
 *
 * <p>Request bodies are never put into a message: the run request carries the Kafka secrets.
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;

  /**
   * @throws IllegalArgumentException when {@code url} is not an http(s) URL with a host
   */
  public FlinkRestClient(String url) {
    this.base = parse(url);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "--flink-rest must be an http(s) URL such as http://jobmanager:8081, was " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--flink-rest is not a URL: " + url);
    }
  }

  public URI base() {
    return base;
  }

  /** A job as {@code /jobs/overview} lists it. */
  public record JobOverview(String id, String name, String state) {}

  /**
   * Uploads a jar ({@code POST /jars/upload}).
   *
   * @return the jar's id on the cluster, for {@link #runJar}
   */
  public String uploadJar(Path jar) {
    String boundary = "riskstream-" + UUID.randomUUID();
    byte[] body;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                  + jar.getFileName()
                  + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(Files.readAllBytes(jar));
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      body = out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read jar " + jar + ": " + e.getMessage());
    }
    HttpRequest request =
        request("/jars/upload")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String filename = send("POST /jars/upload", request).path("filename").asText("");
    if (filename.isEmpty()) {
      throw new FlinkRestException("POST /jars/upload: Flink's answer names no jar");
    }
    // Flink answers with the stored file's path; its last segment is the jar id.
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /**
   * Runs a jar's main class ({@code POST /jars/:jarid/run}), which defines and submits one job.
   *
   * @param flinkConfiguration entries added to the job's Flink configuration
   * @return the job id
   */
  public String runJar(
      String jarId, String entryClass, List<String> args, Map<String, String> flinkConfiguration) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", entryClass);
    args.forEach(body.putArray("programArgsList")::add);
    ObjectNode conf = body.putObject("flinkConfiguration");
    flinkConfiguration.forEach(conf::put);
    HttpRequest request =
        request("/jars/" + jarId + "/run")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    String id = send("POST /jars/" + jarId + "/run", request).path("jobid").asText("");
    if (id.isEmpty()) {
      throw new FlinkRestException("POST /jars/" + jarId + "/run: Flink's answer names no job");
    }
    return id;
  }

  /** Every job the cluster knows ({@code GET /jobs/overview}), finished ones included. */
  public List<JobOverview> jobs() {
    JsonNode answer = send("GET /jobs/overview", request("/jobs/overview").GET().build());
    List<JobOverview> jobs = new ArrayList<>();
    for (JsonNode job : answer.path("jobs")) {
      jobs.add(
          new JobOverview(
              job.path("jid").asText(), job.path("name").asText(), job.path("state").asText()));
    }
    return jobs;
  }

  /**
   * Whether the job runs with all of its tasks ({@code GET /jobs/:id}): a job reports RUNNING as
   * soon as it is scheduled, its tasks only once they have slots and have started.
   *
   * @return the job's state, or "RUNNING" only when every vertex is RUNNING too
   */
  public String jobState(String jobId) {
    JsonNode job = send("GET /jobs/" + jobId, request("/jobs/" + jobId).GET().build());
    String state = job.path("state").asText("UNKNOWN");
    if ("RUNNING".equals(state)) {
      for (JsonNode vertex : job.path("vertices")) {
        if (!"RUNNING".equals(vertex.path("status").asText())) {
          return "STARTING";
        }
      }
    }
    return state;
  }

  /** The raw answer of a GET, e.g. to check what the cluster shows of a job. */
  public String get(String path) {
    return send("GET " + path, request(path).GET().build()).toString();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(base.getPath() + path)).timeout(REQUEST_TIMEOUT);
  }

  private JsonNode send(String call, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new FlinkRestException(
          "cannot reach Flink's REST API at " + base + " (" + call + "): " + oneLine(why));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkRestException("interrupted during " + call);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.statusCode() / 100 != 2) {
      throw new FlinkRestException(
          call + " answered " + response.statusCode() + ": " + errorText(json, response.body()));
    }
    if (json == null) {
      throw new FlinkRestException(
          call + " answered " + response.statusCode() + " with no JSON; is " + base + " Flink?");
    }
    return json;
  }

  /**
   * Flink's {@code {"errors": [...]}}, each error's first line; the rest of an error is a server
   * side stack trace. Falls back to the start of the body (e.g. a proxy's page).
   */
  static String errorText(JsonNode json, String body) {
    List<String> errors = new ArrayList<>();
    if (json != null) {
      for (JsonNode error : json.path("errors")) {
        for (String line : error.asText().split("\\R")) {
          String trimmed = line.strip();
          // "Internal server error." comes first; "<Exception on server side:" introduces the
          // trace whose next line holds the actual exception.
          if (!trimmed.isEmpty()
              && !trimmed.startsWith("<Exception on server side")
              && !trimmed.startsWith("at ")) {
            errors.add(trimmed);
          }
          if (errors.size() >= 3) {
            break;
          }
        }
      }
    }
    if (errors.isEmpty()) {
      String text = oneLine(body == null ? "" : body);
      return text.isEmpty() ? "(no body)" : text.substring(0, Math.min(200, text.length()));
    }
    return String.join("; ", errors);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
