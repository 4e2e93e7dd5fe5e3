package io.riskstream.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink MiniCluster in this JVM that runs several jobs side by side, as a session cluster would.
 * Jobs are stopped with a savepoint, which also commits or aborts the exactly-once Kafka sinks'
 * open transactions cleanly (a plain cancel of a sink mid-transaction can fail its task manager).
 *
 * <p>Optionally with Flink's Prometheus reporter, as a deployment would enable it in its
 * config.yaml. The reporter has no bind-address option: it listens on every interface.
 */
public final class EmbeddedFlink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);

  private final MiniCluster cluster;
  private final Path savepoints;
  private final OptionalInt metricsPort;
  private final List<JobID> jobs = new ArrayList<>();

  private EmbeddedFlink(MiniCluster cluster, Path savepoints, OptionalInt metricsPort) {
    this.cluster = cluster;
    this.savepoints = savepoints;
    this.metricsPort = metricsPort;
  }

  /** A MiniCluster without a metrics reporter. */
  public static EmbeddedFlink start(int slots, Path savepoints) throws Exception {
    return start(slots, savepoints, OptionalInt.empty());
  }

  /**
   * @param prometheusPort the port of Flink's Prometheus reporter (0: a free one; it listens on
   *     every interface), or empty for no reporter
   * @throws IllegalArgumentException when the reporter could not listen on the port
   */
  public static EmbeddedFlink start(int slots, Path savepoints, OptionalInt prometheusPort)
      throws Exception {
    Configuration conf = new Configuration();
    // RocksDB takes its memory from managed memory; the MiniCluster default is too small for 4
    // slots.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
    // Any free port: a fixed 8081 would clash with a Flink (or a second demo) already running here.
    conf.set(RestOptions.BIND_PORT, "0");
    // Enough checkpoint history for the benchmarks to break a run's checkpoints down per task.
    conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 1000);
    OptionalInt metricsPort = OptionalInt.empty();
    if (prometheusPort.isPresent()) {
      int port = prometheusPort.getAsInt() == 0 ? freePort() : prometheusPort.getAsInt();
      // The keys a deployment sets in config.yaml: metrics.reporter.prom.factory.class and .port.
      Configuration reporter = MetricOptions.forReporter(conf, "prom");
      reporter.set(MetricOptions.REPORTER_FACTORY_CLASS, PrometheusReporterFactory.class.getName());
      reporter.setString("port", Integer.toString(port));
      metricsPort = OptionalInt.of(port);
    }
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
    cluster.start();
    if (metricsPort.isPresent() && !listening(metricsPort.getAsInt())) {
      // Flink logs a reporter that failed to start and runs on without it; a URL to nothing would
      // mislead.
      cluster.close();
      throw new IllegalArgumentException(
          "Flink's Prometheus reporter could not listen on port "
              + metricsPort.getAsInt()
              + " (in use?)");
    }
    return new EmbeddedFlink(cluster, savepoints, metricsPort);
  }

  /** Flink's Prometheus endpoint on this machine, when the reporter runs. */
  public Optional<String> metricsUrl() {
    return metricsPort.isPresent()
        ? Optional.of("http://127.0.0.1:" + metricsPort.getAsInt() + "/metrics")
        : Optional.empty();
  }

  /** A port free on every interface, as the reporter binds them all. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Whether Flink's reporter answers on the port (not some other server that holds it). */
  private static boolean listening(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("flink_");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public JobID submit(StreamGraph graph) throws Exception {
    JobID id = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
    jobs.add(id);
    return id;
  }

  public JobStatus status(JobID job) throws Exception {
    return cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
  }

  public MiniCluster cluster() {
    return cluster;
  }

  /** Stops every job with a savepoint, cancelling those that do not stop within the timeout. */
  public void stopJobs(Duration timeout) {
    for (JobID job : jobs) {
      stopOrCancel(job, timeout);
    }
    jobs.clear();
  }

  /**
   * Stops one job with a savepoint, cancelling it if it does not stop within the timeout, and waits
   * until it has ended.
   */
  public void stop(JobID job, Duration timeout) {
    stopOrCancel(job, timeout);
    jobs.remove(job);
    try {
      cluster.requestJobResult(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Job {} did not end within {}: {}", job, timeout, e.toString());
    }
  }

  private void stopOrCancel(JobID job, Duration timeout) {
    try {
      if (!status(job).isGloballyTerminalState()) {
        cluster
            .stopWithSavepoint(
                job, savepoints.toUri().toString(), false, SavepointFormatType.CANONICAL)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      LOG.warn("Job {} did not stop with a savepoint ({}); cancelling it", job, e.toString());
      try {
        cluster.cancelJob(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception cancelFailure) {
        LOG.warn("Cancelling job {} failed: {}", job, cancelFailure.toString());
      }
    }
  }

  @Override
  public void close() throws Exception {
    stopJobs(Duration.ofSeconds(20));
    cluster.close();
  }
}
