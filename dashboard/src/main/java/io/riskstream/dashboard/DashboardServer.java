package io.riskstream.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The dashboard's HTTP endpoints on the JDK's own server: the page and its assets, the state pushed
 * as server-sent events ({@code /events}) and once as JSON ({@code /api/state}), and the Prometheus
 * metrics ({@code /metrics}). With a token, everything that carries data asks for it (the page's
 * scripts and styles carry none); the page passes it on to its event stream.
 */
final class DashboardServer implements AutoCloseable {
  private static final String WEB = "io/riskstream/dashboard/web/";
  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");
  // Scripts, styles and data from this origin only: the page loads nothing from the network.
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final Supplier<String> state;
  private final PlatformMetrics metrics;
  private final String token;
  private final Duration pushEvery;
  private volatile boolean open = true;

  DashboardServer(
      InetSocketAddress address,
      String token,
      Supplier<String> state,
      PlatformMetrics metrics,
      Duration pushEvery)
      throws IOException {
    this.server = HttpServer.create(address, 0);
    this.token = token;
    this.state = state;
    this.metrics = metrics;
    this.pushEvery = pushEvery;
    server.createContext("/", guarded(this::page));
    server.createContext("/static/", this::asset);
    server.createContext("/webjars/", this::webjar);
    server.createContext("/api/state", guarded(this::stateJson));
    server.createContext("/events", guarded(this::events));
    server.createContext("/metrics", guarded(this::metrics));
    // One thread per open event stream: a dashboard has few viewers.
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void page(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    resource(exchange, WEB + "index.html");
  }

  private void asset(HttpExchange exchange) throws IOException {
    resource(exchange, WEB + exchange.getRequestURI().getPath().substring("/static/".length()));
  }

  private void webjar(HttpExchange exchange) throws IOException {
    resource(
        exchange, WEBJARS + exchange.getRequestURI().getPath().substring("/webjars/".length()));
  }

  private void stateJson(HttpExchange exchange) throws IOException {
    send(exchange, 200, "application/json", state.get().getBytes(StandardCharsets.UTF_8));
  }

  private void metrics(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", metrics.contentType());
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      metrics.write(out);
    }
  }

  /** Pushes the state every {@code pushEvery} until the browser goes away or the server stops. */
  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      while (open) {
        out.write(("event: state\ndata: " + state.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(pushEvery.toMillis());
      }
    } catch (IOException | InterruptedException e) {
      // the browser closed the stream, or the server stops
    }
  }

  private void resource(HttpExchange exchange, String path) throws IOException {
    if (path.contains("..") || path.endsWith("/")) {
      send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String extension = path.substring(path.lastIndexOf('.') + 1);
      send(
          exchange,
          200,
          TYPES.getOrDefault(extension, "application/octet-stream"),
          in.readAllBytes());
    }
  }

  private HttpHandler guarded(HttpHandler handler) {
    return exchange -> {
      try (exchange) {
        if (!authorised(exchange)) {
          send(
              exchange,
              401,
              "text/plain",
              "a valid token is required\n".getBytes(StandardCharsets.UTF_8));
          return;
        }
        handler.handle(exchange);
      }
    };
  }

  /** Whether the request carries the token, as {@code Authorization: Bearer} or {@code ?token=}. */
  private boolean authorised(HttpExchange exchange) {
    if (token == null) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Bearer ") && same(header.substring(7))) {
      return true;
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("token=")
            && same(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean same(String offered) {
    return MessageDigest.isEqual(
        offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "riskstream-dashboard-http");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    open = false;
    server.stop(0);
    threads.shutdownNow();
  }
}
