package io.riskstream.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A standalone Flink session cluster as separate JVMs, started without flink-dist: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each
 * {@code java -cp <this test's Maven classpath, or a given one>} with a conf dir holding {@code
 * config.yaml}, as Flink's start scripts would run them. A TaskManager can be killed with SIGKILL
 * and replaced.
 *
 * <p>Like systemd or a container's restart policy, the cluster replaces a TaskManager that exits on
 * its own: Flink ends a TaskManager process when a task's cleanup fails (as the Kafka writers'
 * close did after a broker restart, before {@code CloseSafeKafkaSink}), and a deployment without a
 * supervisor would then be one TaskManager short for good. The test asserts that none did, after
 * the supervisor let it run to the end.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path home;
  private final Path conf;
  private final String classpath;
  private final int restPort;
  private final Process jobManager;
  private final Map<String, Process> taskManagers = new LinkedHashMap<>();
  private final List<String> started = new ArrayList<>();
  private final List<String> exited = new ArrayList<>();
  private final RestClusterClient<StandaloneClusterId> client;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread supervisor = new Thread(this::supervise, "taskmanager-supervisor");
  private volatile boolean closing;

  private StandaloneFlinkCluster(Path home, String classpath, int restPort, Process jobManager)
      throws Exception {
    this.home = home;
    this.conf = home.resolve("conf");
    this.classpath = classpath;
    this.restPort = restPort;
    this.jobManager = jobManager;
    Configuration clientConf = new Configuration();
    clientConf.set(RestOptions.ADDRESS, "localhost");
    clientConf.set(RestOptions.PORT, restPort);
    this.client = new RestClusterClient<>(clientConf, StandaloneClusterId.getInstance());
  }

  /**
   * Starts a JobManager on this test's classpath (Flink, the connectors, DJL and the platform's
   * classes, so that jobs need no jar) and waits until its REST API answers; add TaskManagers
   * after.
   */
  static StandaloneFlinkCluster start(Path home, int slotsPerTaskManager) throws Exception {
    return start(home, slotsPerTaskManager, testClasspath());
  }

  /** Starts a JobManager whose processes run on the given classpath, e.g. a cluster's lib. */
  static StandaloneFlinkCluster start(Path home, int slotsPerTaskManager, String classpath)
      throws Exception {
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("log"));
    int rpcPort = freePort();
    int restPort = freePort();
    Files.writeString(
        conf.resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: localhost",
            "jobmanager.rpc.port: " + rpcPort,
            "jobmanager.bind-host: localhost",
            "jobmanager.memory.process.size: 1024m",
            "rest.address: localhost",
            "rest.bind-address: localhost",
            "rest.port: " + restPort,
            "taskmanager.host: localhost",
            "taskmanager.bind-host: localhost",
            "taskmanager.numberOfTaskSlots: " + slotsPerTaskManager,
            "taskmanager.memory.process.size: 1800m",
            // A killed TaskManager is noticed by its lost heartbeats: seconds, not Flink's 50.
            "heartbeat.interval: 1000",
            "heartbeat.timeout: 10000",
            // The JobManager's metric views (numRestarts) refresh every second.
            "metrics.fetcher.update-interval: 1000",
            "parallelism.default: 2",
            // Each job gets a slot on every TaskManager, so that one killed hits both jobs.
            "taskmanager.load-balance.mode: SLOTS",
            ""),
        StandardCharsets.UTF_8);
    Files.writeString(
        conf.resolve("log4j.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "appender.file.name = file",
            "appender.file.type = File",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} [%t] - %m%n",
            "logger.kafka.name = org.apache.kafka",
            "logger.kafka.level = WARN",
            ""),
        StandardCharsets.UTF_8);
    Process jobManager =
        launch(
            home,
            classpath,
            "jobmanager",
            List.of("-Xmx512m"),
            List.of(
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                "--configDir",
                conf.toString()));
    StandaloneFlinkCluster cluster =
        new StandaloneFlinkCluster(home, classpath, restPort, jobManager);
    cluster.awaitRest();
    cluster.supervisor.setDaemon(true);
    cluster.supervisor.start();
    return cluster;
  }

  /**
   * Starts a TaskManager JVM and waits until the JobManager has registered it. Its memory and CPU
   * arguments come from Flink's own calculation, as {@code start-tm.sh} gets them from {@code
   * BashJavaUtils GET_TM_RESOURCE_PARAMS}: a TaskManager started without them refuses to run.
   */
  synchronized void startTaskManager(String name) throws Exception {
    Configuration flinkConf = GlobalConfiguration.loadConfiguration(conf.toString());
    TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(flinkConf);
    List<String> jvm = split(ProcessMemoryUtils.generateJvmParametersStr(spec));
    List<String> args = new ArrayList<>();
    args.add("org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    args.add("--configDir");
    args.add(conf.toString());
    args.addAll(split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
    // Named, so that its registration can be told from a dead TaskManager not yet timed out.
    args.add("-D");
    args.add("taskmanager.resource-id=" + name);
    taskManagers.put(name, launch(home, classpath, name, jvm, args));
    started.add(name);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!get("/taskmanagers").contains("\"id\":\"" + name + "\"")) {
      if (!taskManagers.get(name).isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not register; see " + logFile(name));
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL, as when a machine or container dies: no shutdown hooks, no goodbyes. */
  synchronized void killTaskManager(String name) throws InterruptedException {
    Process process = taskManagers.remove(name);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The REST API's address, e.g. for {@code riskstream deploy --flink-rest}. */
  String restAddress() {
    return "http://localhost:" + restPort;
  }

  /** Every TaskManager started so far, replacements included, e.g. to read their logs. */
  synchronized List<String> taskManagerNames() {
    return List.copyOf(started);
  }

  /** The TaskManagers that exited on their own (and were replaced), with their exit codes. */
  synchronized List<String> unexpectedExits() {
    return List.copyOf(exited);
  }

  private void supervise() {
    while (!closing) {
      try {
        Thread.sleep(500);
        replaceExitedTaskManagers();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // The next round tries again; a replacement that cannot start shows in the test's waits.
      }
    }
  }

  private synchronized void replaceExitedTaskManagers() throws Exception {
    for (Map.Entry<String, Process> tm : List.copyOf(taskManagers.entrySet())) {
      if (!closing && !tm.getValue().isAlive()) {
        taskManagers.remove(tm.getKey());
        exited.add(tm.getKey() + " (exit " + tm.getValue().exitValue() + ")");
        startTaskManager("tm-" + (started.size() + 1));
      }
    }
  }

  JobID submit(StreamGraph graph) throws Exception {
    return submit(graph, Optional.empty());
  }

  /** Submits the job, restored from {@code savepoint} when one is given. */
  JobID submit(StreamGraph graph, Optional<String> savepoint) throws Exception {
    JobGraph job = graph.getJobGraph();
    savepoint.ifPresent(
        path -> job.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(path, false)));
    return client.submitJob(job).get(60, TimeUnit.SECONDS);
  }

  JobStatus status(JobID job) throws Exception {
    return client.getJobStatus(job).get(10, TimeUnit.SECONDS);
  }

  /** Stops the job with a savepoint under {@code dir} and returns the savepoint's path. */
  String stopWithSavepoint(JobID job, Path dir) throws Exception {
    return client
        .stopWithSavepoint(job, false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
        .get(120, TimeUnit.SECONDS);
  }

  /** Waits until every task of the job is RUNNING (not merely the job: tasks may be deploying). */
  void awaitAllTasksRunning(JobID job, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String details = get("/jobs/" + job);
      if (details.contains("\"state\":\"RUNNING\"") && allVerticesRunning(details)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("job " + job + " not running: " + get("/jobs/" + job));
  }

  /** The ids of the TaskManagers running tasks of the job. */
  Set<String> taskManagersOf(JobID job) throws Exception {
    Set<String> ids = new TreeSet<>();
    Matcher vertices = Pattern.compile("\"id\":\"([0-9a-f]{32})\"").matcher(get("/jobs/" + job));
    while (vertices.find()) {
      Matcher tms =
          Pattern.compile("\"taskmanager-id\":\"([^\"]+)\"")
              .matcher(get("/jobs/" + job + "/vertices/" + vertices.group(1) + "/taskmanagers"));
      while (tms.find()) {
        ids.add(tms.group(1));
      }
    }
    return ids;
  }

  /** How often the job has restarted since it was submitted (the JobManager's numRestarts). */
  long restarts(JobID job) throws Exception {
    Matcher m =
        Pattern.compile("\"value\":\"(\\d+)\"")
            .matcher(get("/jobs/" + job + "/metrics?get=numRestarts"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  Path logFile(String name) {
    return home.resolve("log").resolve(name + ".log");
  }

  String log(String name) {
    try {
      Path file = logFile(name);
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closing = true;
    supervisor.interrupt();
    client.close();
    List<Process> running;
    synchronized (this) {
      running = List.copyOf(taskManagers.values());
    }
    running.forEach(StandaloneFlinkCluster::stop);
    stop(jobManager);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static boolean allVerticesRunning(String details) {
    // Each vertex carries "status":"…"; every one must be RUNNING.
    Matcher m = Pattern.compile("\"status\":\"([A-Z_]+)\"").matcher(details);
    boolean any = false;
    while (m.find()) {
      any = true;
      if (!m.group(1).equals("RUNNING")) {
        return false;
      }
    }
    return any;
  }

  private void awaitRest() throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!jobManager.isAlive()) {
        throw new IllegalStateException("the JobManager exited; see " + logFile("jobmanager"));
      }
      try {
        get("/overview");
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the JobManager's REST API did not answer in time");
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, BodyHandlers.ofString()).body();
  }

  /** The classpath of this test's JVM, as Maven's failsafe plugin built it. */
  static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * A Flink process on the cluster's classpath with the platform's JVM options (Flink's module
   * opens, DJL's offline switches), logging to {@code log/<name>.log}.
   */
  private static Process launch(
      Path home, String classpath, String name, List<String> jvm, List<String> mainAndArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(split(System.getProperty("riskstream.child.jvm.options", "")));
    command.add("-Dlog.file=" + home.resolve("log").resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=" + home.resolve("conf/log4j.properties"));
    command.add("-cp");
    command.add(classpath);
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("log").resolve(name + ".out").toFile())
        .start();
  }

  private static List<String> split(String args) {
    return Arrays.stream(args.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
