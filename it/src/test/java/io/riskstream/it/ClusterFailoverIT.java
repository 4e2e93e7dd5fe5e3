package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.learner.GateSettings;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.scoring.BatchLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both jobs on a standalone Flink cluster of separate JVMs (a JobManager and two TaskManagers) and
 * the real broker, under steady load, through the failures a production deployment meets: a
 * TaskManager killed with SIGKILL and replaced, a stop-with-savepoint and restart of an upgraded
 * job from it, and a broker restart. After each, what a read_committed consumer sees must hold
 * every transaction's score exactly once; at the end the learner must have trained on every label
 * exactly once and published every version once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFailoverIT {
  private static final int TXN_PER_SECOND = 50;
  private static final Duration LABEL_DELAY = Duration.ofSeconds(2);
  private static final Duration STEADY = Duration.ofSeconds(10);
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Pattern RESTORED = Pattern.compile("Restored model version (\\d+)");

  private Path dir;
  private EmbeddedKafka kafka;
  private StandaloneFlinkCluster flink;
  private SteadyLoad load;
  private CommittedOutput output;
  private PlatformSettings settings;
  private JobID scoring;
  private JobID learner;

  @BeforeAll
  void startPlatform() throws Exception {
    // Under target/, not a temp dir: the processes' logs stay for a look after a failure.
    dir = Path.of("target", "cluster-failover").toAbsolutePath();
    deleteRecursively(dir);
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    TopicSetup.createAll(kafka.bootstrapServers(), 2);
    // Payments flow from the moment the topics exist, before the jobs start: the jobs must read
    // them from the beginning (the platform notes saw an input partition's first records skipped
    // once on topics created just before the job).
    output = new CommittedOutput(kafka.bootstrapServers());
    load = new SteadyLoad(kafka.bootstrapServers(), TXN_PER_SECOND, LABEL_DELAY).start();
    flink = StandaloneFlinkCluster.start(dir.resolve("flink"), 2);
    flink.startTaskManager("tm-1");
    flink.startTaskManager("tm-2");
    // The platform's production defaults: 2 s exactly-once checkpoints, RocksDB, parallelism 2.
    settings = PlatformSettings.defaults(kafka.bootstrapServers());
    scoring = flink.submit(JobGraphs.scoring(settings, dir.resolve("checkpoints")));
    learner = flink.submit(JobGraphs.learner(settings, dir.resolve("checkpoints")));
    flink.awaitAllTasksRunning(scoring, WAIT);
    flink.awaitAllTasksRunning(learner, WAIT);
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (load != null) {
      load.close();
    }
    if (output != null) {
      output.close();
    }
    if (flink != null) {
      flink.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void failuresUpgradesAndBrokerRestartsLoseAndDuplicateNothing() throws Exception {
    awaitPublishedVersion(1);
    Thread.sleep(STEADY.toMillis());
    assertEveryTransactionScoredOnce("steady load");

    // 1. A TaskManager running tasks of both jobs dies (SIGKILL) and a replacement joins.
    Set<String> shared = new TreeSet<>(flink.taskManagersOf(scoring));
    shared.retainAll(flink.taskManagersOf(learner));
    assertThat(shared).as("a TaskManager running both jobs").isNotEmpty();
    String victim = shared.iterator().next();
    Map<String, List<Long>> restoredBefore = restorations();
    long killedAt = System.currentTimeMillis();
    flink.killTaskManager(victim);
    flink.startTaskManager("tm-after-kill");
    flink.awaitAllTasksRunning(scoring, WAIT);
    flink.awaitAllTasksRunning(learner, WAIT);
    long recoveryMillis = awaitFirstScoreOfATransactionSentAfter(killedAt) - killedAt;
    Thread.sleep(STEADY.toMillis());
    assertEveryTransactionScoredOnce("TaskManager killed");
    assertThat(restoredSince(restoredBefore))
        .as("the scorers restored the model version they served from state, not version 0")
        .isNotEmpty()
        .allSatisfy(version -> assertThat(version).isPositive());
    assertThat(scoresOfTransactionsSentAfter(killedAt))
        .as("no score after the failover comes from the seeded version 0")
        .allSatisfy(s -> assertThat(s.score().getModelVersion()).isPositive());
    assertThat(flink.restarts(scoring)).as("the scoring job restarted").isPositive();

    // 2. Stop both jobs with savepoints; restart them, upgraded, from the savepoints.
    restoredBefore = restorations();
    long stoppedAt = System.currentTimeMillis();
    String scoringSavepoint = flink.stopWithSavepoint(scoring, dir.resolve("savepoints"));
    String learnerSavepoint = flink.stopWithSavepoint(learner, dir.resolve("savepoints"));
    long servedBeforeUpgrade = newestScoredVersion();
    PlatformSettings upgraded =
        settings.withScoringBatches(new BatchLimits(64, Duration.ofMillis(10)));
    scoring =
        flink.submit(
            JobGraphs.scoring(upgraded, dir.resolve("checkpoints-2")),
            Optional.of(scoringSavepoint));
    learner =
        flink.submit(
            JobGraphs.learner(upgraded, dir.resolve("checkpoints-2")),
            Optional.of(learnerSavepoint));
    flink.awaitAllTasksRunning(scoring, WAIT);
    flink.awaitAllTasksRunning(learner, WAIT);
    long upgradedAt = System.currentTimeMillis();
    long upgradeGapMillis = awaitFirstScoreOfATransactionSentAfter(stoppedAt) - stoppedAt;
    Thread.sleep(STEADY.toMillis());
    assertEveryTransactionScoredOnce("upgrade from savepoints");
    assertThat(restoredSince(restoredBefore))
        .as("the upgraded scorers restored the served version from the savepoint")
        .isNotEmpty()
        .allSatisfy(version -> assertThat(version).isGreaterThanOrEqualTo(servedBeforeUpgrade));
    assertThat(scoresOfTransactionsSentAfter(upgradedAt))
        .allSatisfy(
            s ->
                assertThat(s.score().getModelVersion())
                    .isGreaterThanOrEqualTo(servedBeforeUpgrade));

    // 3. The broker restarts under the running jobs.
    long brokerRestartedAt = System.currentTimeMillis();
    kafka = kafka.restart();
    long brokerDownMillis = System.currentTimeMillis() - brokerRestartedAt;
    long brokerRecoveryMillis =
        awaitFirstScoreOfATransactionSentAfter(brokerRestartedAt) - brokerRestartedAt;
    Thread.sleep(STEADY.toMillis());
    assertEveryTransactionScoredOnce("broker restart");
    assertThat(flink.status(scoring)).isEqualTo(JobStatus.RUNNING);
    assertThat(flink.status(learner)).isEqualTo(JobStatus.RUNNING);
    System.out.println("TaskManagers that exited on their own: " + flink.unexpectedExits());
    assertThat(flink.unexpectedExits())
        .as("TaskManagers that exited on their own (a Kafka writer failing to close ended them)")
        .isEmpty();

    load.finish();
    if (load.sendFailures() > 0) {
      System.out.printf(
          "the test's producer gave up on %d records (never acknowledged, so not expected): %s%n",
          load.sendFailures(), load.lastFailure());
    }
    assertEveryTransactionScoredOnce("end of load");
    assertTheLearnerTrainedOnEveryLabelOnce();
    assertEveryVersionPublishedOnce();

    List<SteadyLoad.Sent> sent = load.sent();
    int transactions = sent.size();
    LongSummaryStatistics sentAt =
        sent.stream().mapToLong(SteadyLoad.Sent::sentAtMillis).summaryStatistics();
    long sentMillis = Math.max(1, sentAt.getMax() - sentAt.getMin());
    System.out.printf(
        "cluster failover: transactions=%d lost=0 duplicated=0 labels=%d versions=%d"
            + " recovery_after_kill_s=%.1f upgrade_gap_s=%.1f broker_down_s=%.1f"
            + " recovery_after_broker_restart_s=%.1f taskmanager_exits=%d send_failures=%d"
            + " txn_per_s=%.1f%n",
        transactions,
        load.labelled().size(),
        publishedVersions().size(),
        recoveryMillis / 1000.0,
        upgradeGapMillis / 1000.0,
        brokerDownMillis / 1000.0,
        brokerRecoveryMillis / 1000.0,
        flink.unexpectedExits().size(),
        load.sendFailures(),
        transactions * 1000.0 / sentMillis);
  }

  /**
   * Waits until every transaction sent so far has a committed score, then checks that none has two
   * and that nothing scored was never sent.
   */
  private void assertEveryTransactionScoredOnce(String phase) throws InterruptedException {
    List<String> sent = load.sent().stream().map(SteadyLoad.Sent::transactionId).toList();
    long deadline = System.nanoTime() + WAIT.toNanos();
    Map<String, Long> counts = scoreCounts();
    while (!counts.keySet().containsAll(sent) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      counts = scoreCounts();
    }
    Set<String> scored = counts.keySet();
    List<String> lost = sent.stream().filter(id -> !scored.contains(id)).toList();
    Map<String, Long> duplicated =
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    System.out.printf(
        "%s: sent=%d scored=%d lost=%d duplicated=%d%n",
        phase, sent.size(), scored.size(), lost.size(), duplicated.size());
    assertThat(lost).as("%s: transactions without a committed score", phase).isEmpty();
    assertThat(duplicated).as("%s: transactions scored more than once", phase).isEmpty();
  }

  /**
   * Every labelled transaction not held back for the update gate becomes one training example; each
   * batch the trainer took is one PUBLISHED or GATE_REJECTED event carrying its size. Their sum is
   * the examples trained: lower if a label was lost, higher if one was trained twice.
   */
  private void assertTheLearnerTrainedOnEveryLabelOnce() throws InterruptedException {
    GateSettings gate = settings.learner().gate();
    Set<String> transactions =
        load.sent().stream().map(SteadyLoad.Sent::transactionId).collect(Collectors.toSet());
    long expected =
        load.labelled().stream()
            .filter(id -> transactions.contains(id) && !gate.heldBack(id))
            .count();
    long deadline = System.nanoTime() + WAIT.toNanos();
    long trained = trainedExamples();
    while (trained < expected && System.nanoTime() < deadline) {
      Thread.sleep(500);
      trained = trainedExamples();
    }
    // A batch trained twice would show up after the expected count: give it two checkpoints.
    Thread.sleep(2 * settings.checkpointInterval().toMillis() + 1000);
    trained = trainedExamples();
    System.out.printf(
        "learner: labels=%d expected_examples=%d trained=%d%n",
        load.labelled().size(), expected, trained);
    assertThat(trained).as("examples the learner trained on").isEqualTo(expected);
  }

  private long trainedExamples() {
    return output.events().stream()
        .filter(
            e ->
                e.getKind() == ModelEventKind.PUBLISHED
                    || e.getKind() == ModelEventKind.GATE_REJECTED)
        .mapToLong(e -> Math.round(e.getMetrics().getOrDefault("batch", 0.0)))
        .sum();
  }

  /** Version numbers run 1, 2, 3… once each, and each version's records arrived exactly once. */
  private void assertEveryVersionPublishedOnce() {
    List<Long> versions = publishedVersions();
    assertThat(versions)
        .as("published versions in order, once each")
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(versions).first().isEqualTo(1L);
    assertThat(versions.get(versions.size() - 1)).isEqualTo((long) versions.size());
    Map<Long, List<ModelUpdate>> byVersion =
        output.updates().stream().collect(Collectors.groupingBy(ModelUpdate::getVersion));
    assertThat(byVersion.keySet()).containsExactlyInAnyOrderElementsOf(versions);
    byVersion.forEach(
        (version, records) ->
            assertThat(records)
                .as("records of version %d", version)
                .hasSize(records.get(0).getGroupsInVersion()));
  }

  private List<Long> publishedVersions() {
    return output.events().stream()
        .filter(e -> e.getKind() == ModelEventKind.PUBLISHED)
        .map(ModelEvent::getVersion)
        .toList();
  }

  private void awaitPublishedVersion(long version) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (publishedVersions().stream().noneMatch(v -> v >= version)) {
      assertThat(System.nanoTime()).as("a version published in time").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private long awaitFirstScoreOfATransactionSentAfter(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      OptionalLong first =
          scoresOfTransactionsSentAfter(millis).stream()
              .mapToLong(CommittedOutput.Seen::readAtMillis)
              .min();
      if (first.isPresent()) {
        return first.getAsLong();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no transaction sent after the failure was ever scored");
  }

  private List<CommittedOutput.Seen> scoresOfTransactionsSentAfter(long millis) {
    Set<String> after =
        load.sent().stream()
            .filter(s -> s.sentAtMillis() > millis)
            .map(SteadyLoad.Sent::transactionId)
            .collect(Collectors.toSet());
    return output.scores().stream()
        .filter(s -> after.contains(s.score().getTransactionId()))
        .toList();
  }

  private long newestScoredVersion() {
    return output.scores().stream().mapToLong(s -> s.score().getModelVersion()).max().orElse(0);
  }

  private Map<String, Long> scoreCounts() {
    return output.scores().stream()
        .collect(
            Collectors.groupingBy(
                s -> s.score().getTransactionId(), TreeMap::new, Collectors.counting()));
  }

  /** The model versions scorers restored from state or a savepoint, per TaskManager log. */
  private Map<String, List<Long>> restorations() {
    Map<String, List<Long>> byTaskManager = new TreeMap<>();
    for (String tm : flink.taskManagerNames()) {
      byTaskManager.put(
          tm,
          RESTORED.matcher(flink.log(tm)).results().map(r -> Long.parseLong(r.group(1))).toList());
    }
    return byTaskManager;
  }

  /** The restorations logged after {@code before} was taken. */
  private List<Long> restoredSince(Map<String, List<Long>> before) {
    List<Long> since = new ArrayList<>();
    restorations()
        .forEach(
            (tm, versions) ->
                since.addAll(
                    versions.subList(before.getOrDefault(tm, List.of()).size(), versions.size())));
    return since;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
