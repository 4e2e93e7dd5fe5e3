package io.riskstream.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard: reads the platform's topics into a {@link LiveView} and serves it, with the
 * platform's Prometheus metrics, over HTTP. It reads only Kafka, so it runs beside the demo's
 * embedded broker or against any deployment.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
  private static final Duration PUSH_EVERY = Duration.ofSeconds(1);
  private static final Duration LAG_EVERY = Duration.ofSeconds(5);

  /** The jobs' consumer groups start with the jobs' names (ScoringJob.NAME, LearnerJob.NAME). */
  private static final List<String> JOB_GROUPS =
      List.of("riskstream-scoring", "riskstream-learner");

  /**
   * Where to read and where to serve.
   *
   * @param kafka client properties beyond the bootstrap servers, e.g. SASL/SSL settings
   * @param bind the address to listen on; 127.0.0.1 unless the operator chooses otherwise
   * @param port 0 for any free port
   * @param token required by every request that carries data; null for none
   */
  public record Options(
      String bootstrapServers, Map<String, String> kafka, String bind, int port, String token) {
    public Options {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("the dashboard needs --bootstrap host:port");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port must be 0..65535, was " + port);
      }
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("--token must not be blank");
      }
      kafka = Map.copyOf(kafka);
    }

    public static Options local(String bootstrapServers) {
      return new Options(bootstrapServers, Map.of(), "127.0.0.1", 0, null);
    }

    /** Names the Kafka settings but never their values, nor the token: secrets stay out of logs. */
    @Override
    public String toString() {
      return "Options[bootstrapServers="
          + bootstrapServers
          + ", kafka="
          + new TreeSet<>(kafka.keySet())
          + ", bind="
          + bind
          + ", port="
          + port
          + ", token="
          + (token == null ? "none" : "[hidden]")
          + "]";
    }

    Map<String, String> clientProperties() {
      Map<String, String> props = new HashMap<>(kafka);
      props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "riskstream-dashboard");
      return props;
    }
  }

  private final Options options;
  private final LiveView view = new LiveView();
  private final KafkaFeed feed;
  private final ConsumerLag lag;
  private final Thread feedThread;
  private final ScheduledExecutorService timers;
  private final DashboardServer server;

  private Dashboard(Options options) throws IOException {
    this.options = options;
    this.feed = new KafkaFeed(options.clientProperties(), view);
    this.lag = new ConsumerLag(options.clientProperties(), JOB_GROUPS);
    this.feedThread = new Thread(feed, "riskstream-dashboard-feed");
    feedThread.setDaemon(true);
    feedThread.start();
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "riskstream-dashboard-timers");
              thread.setDaemon(true);
              return thread;
            });
    timers.scheduleAtFixedRate(() -> view.tick(System.currentTimeMillis()), 1, 1, TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(this::pollLag, 0, LAG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    this.server =
        new DashboardServer(
            new InetSocketAddress(options.bind(), options.port()),
            options.token(),
            () -> StateJson.of(view.state(System.currentTimeMillis())),
            new PlatformMetrics(view, feed::undecodable),
            PUSH_EVERY);
  }

  /** Starts reading and serving; the URL is {@link #url()}. */
  public static Dashboard start(Options options) throws IOException {
    try {
      return new Dashboard(options);
    } catch (java.net.BindException | java.nio.channels.UnresolvedAddressException e) {
      throw new IllegalArgumentException(
          "the dashboard cannot listen on " + options.bind() + ":" + options.port() + ": " + e);
    }
  }

  /**
   * Where the dashboard is served. With a token, open it as {@code url?token=...}: the token is
   * never printed, so it stays out of logs.
   */
  public String url() {
    return "http://" + host() + ":" + server.port() + "/";
  }

  /** The Prometheus endpoint (send the token as a bearer token, when there is one). */
  public String metricsUrl() {
    return "http://" + host() + ":" + server.port() + "/metrics";
  }

  public int port() {
    return server.port();
  }

  private String host() {
    return options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
  }

  private void pollLag() {
    try {
      view.onConsumerLag(lag.lagByGroup());
    } catch (Exception e) {
      LOG.debug("consumer lag not read this time", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
    timers.shutdownNow();
    feed.close(); // wakes a poll; a pause between attempts ends within a second
    feedThread.join(Duration.ofSeconds(5).toMillis());
    lag.close();
  }
}
