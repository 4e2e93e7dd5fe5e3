package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.control.RollbackRequest;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.FloatVectors;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on a real broker and real Flink: transactions are scored by the initial model,
 * labels train it, the new version travels through model-updates into the running scorer, and later
 * scores carry it. Subclasses choose where the broker runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTestBase {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Duration QUIET_LEARNER = Duration.ofSeconds(8);

  private KafkaFixture kafka;
  private EmbeddedFlink flink;
  private KafkaProducer<byte[], byte[]> producer;
  private PlatformSettings settings;
  private final List<JobID> jobs = new ArrayList<>();
  private final AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);

  abstract KafkaFixture startKafka(Path dataDir) throws Exception;

  @BeforeAll
  void startPlatform(@TempDir Path dataDir) throws Exception {
    kafka = startKafka(dataDir.resolve("kafka"));
    TopicSetup.createAll(kafka.bootstrapServers(), 2);
    settings =
        PlatformSettings.defaults(kafka.bootstrapServers())
            .withCheckpointInterval(Duration.ofSeconds(1))
            .withLearner(
                new LearnerSettings(
                    "riskstream-it", List.of("head"), 32, Duration.ofSeconds(1), 2, 0.05f, 5f));
    flink = EmbeddedFlink.start(4, dataDir.resolve("savepoints"), OptionalInt.of(0));
    jobs.add(flink.submit(JobGraphs.scoring(settings, dataDir.resolve("checkpoints"))));
    jobs.add(flink.submit(JobGraphs.learner(settings, dataDir.resolve("checkpoints"))));
    producer = KafkaClients.producer(kafka.bootstrapServers());
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (flink != null) {
      flink.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void labelsTrainTheModelAndScorersHotSwapTheNewVersion() {
    List<Transaction> before = transactions("before", 120);
    before.forEach(this::send);
    List<Score> initialScores = awaitScores(ids(before));
    assertThat(initialScores).allSatisfy(s -> assertThat(s.getModelVersion()).isZero());

    before.forEach(txn -> sendLabel(txn, isFraud(txn)));
    try (TopicReader<ModelUpdate> updates =
        new TopicReader<>(kafka.bootstrapServers(), Topic.MODEL_UPDATES, ModelUpdate.class)) {
      List<ModelUpdate> published = updates.pollUntil(list -> !list.isEmpty(), WAIT);
      assertThat(published).as("a model version published after the labels").isNotEmpty();
      assertThat(published.get(0).getVersion()).isGreaterThan(0);
      assertThat(published.get(0).getParentVersion()).isZero();
    }
    awaitScorersOnATrainedVersion();

    List<Transaction> after = transactions("after", 60);
    after.forEach(this::send);
    List<Score> updatedScores = awaitScores(ids(after));
    assertThat(updatedScores)
        .as("scores after the update carry the new version")
        .allSatisfy(s -> assertThat(s.getModelVersion()).isGreaterThan(0));
    assertScoresComeFromThePublishedWeights(updatedScores);

    assertExactlyOneScoreEach(ids(before), ids(after));
  }

  @Test
  void anOperatorRollbackSwitchesTheScorersToTheEarlierWeights() throws Exception {
    List<Transaction> batch = transactions("rb-", 120);
    batch.forEach(this::send);
    awaitScores(ids(batch));
    batch.forEach(txn -> sendLabel(txn, isFraud(txn)));
    List<ModelUpdate> published;
    try (TopicReader<ModelUpdate> updates =
        new TopicReader<>(kafka.bootstrapServers(), Topic.MODEL_UPDATES, ModelUpdate.class)) {
      published = updates.pollUntil(list -> newest(list) >= 2, WAIT);
      // Roll back only once the learner has trained on every label: a version it published after
      // the rollback would (rightly) replace the rolled-back one on the scorers.
      long deadline = System.nanoTime() + WAIT.toNanos();
      long seen;
      do {
        seen = newest(published);
        published = updates.pollFor(QUIET_LEARNER);
      } while (newest(published) != seen && System.nanoTime() < deadline);
    }
    long before = newest(published);

    Optional<ModelEvent> answer =
        RollbackRequest.send(kafka.bootstrapServers(), "riskstream-it", 1, WAIT);

    assertThat(answer).as("the learner answers the request").isPresent();
    assertThat(answer.get().getKind()).isEqualTo(ModelEventKind.ROLLED_BACK);
    long rolledBack = answer.get().getVersion();
    assertThat(rolledBack).as("a new, newest version").isGreaterThan(before);
    long asked = System.nanoTime();
    List<Score> scores = awaitScoresOfVersion(rolledBack);
    System.out.printf(
        "rollback: scorers on version %d %d ms after the learner's answer%n",
        rolledBack, (System.nanoTime() - asked) / 1_000_000);
    try (TopicReader<ModelUpdate> updates =
            new TopicReader<>(kafka.bootstrapServers(), Topic.MODEL_UPDATES, ModelUpdate.class);
        FraudModel versionOne = FraudModel.create(settings.modelConfig());
        FraudModel republished = FraudModel.create(settings.modelConfig())) {
      for (ModelUpdate update : updates.pollUntil(list -> newest(list) >= rolledBack, WAIT)) {
        if (update.getVersion() == 1) {
          versionOne.importGroup(update.getGroup(), bytes(update.getPayload()));
        } else if (update.getVersion() == rolledBack) {
          republished.importGroup(update.getGroup(), bytes(update.getPayload()));
        }
      }
      ScoringInput input = inputOf(snapshotsOf(scoredIds(scores)).values().iterator().next());
      assertThat(republished.score(List.of(input))[0])
          .as("the republished weights are version 1's")
          .isEqualTo(versionOne.score(List.of(input))[0]);
    }
  }

  /** Probes until a round of scores carries {@code version}; returns that round. */
  private List<Score> awaitScoresOfVersion(long version) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (int round = 0; System.nanoTime() < deadline; round++) {
      List<Transaction> probes = transactions("rb-probe-" + round + "-", 10);
      probes.forEach(this::send);
      List<Score> scores = awaitScores(ids(probes));
      if (scores.stream().allMatch(s -> s.getModelVersion() == version)) {
        return scores;
      }
    }
    throw new AssertionError("scorers never switched to version " + version);
  }

  private static long newest(List<ModelUpdate> updates) {
    return updates.stream().mapToLong(ModelUpdate::getVersion).max().orElse(0);
  }

  @Test
  void malformedTransactionsGoToDeadLettersAndTheJobKeepsScoring() {
    Transaction good = transaction("dl-good", "c-dl", "t-dl", 10.0, System.currentTimeMillis());
    Transaction noCard = transaction("dl-1", "", "t-dl", 10.0, System.currentTimeMillis());
    Transaction negative = transaction("dl-2", "c-dl", "t-dl", -5.0, System.currentTimeMillis());
    Transaction nan = transaction("dl-3", "c-dl", "t-dl", Double.NaN, System.currentTimeMillis());
    Transaction infinite =
        transaction("dl-4", "c-dl", "t-dl", Double.POSITIVE_INFINITY, System.currentTimeMillis());
    byte[] encodedGood = transactions.encode(good);
    Map<String, byte[]> bad =
        Map.of(
            "bad header", "definitely not avro".getBytes(StandardCharsets.UTF_8),
            "unknown schema fingerprint",
                AvroCodec.of(Label.class).encode(label("dl-5", "c-dl", true)),
            "corrupt Transaction body", Arrays.copyOf(encodedGood, encodedGood.length - 9),
            "missing field cardId", transactions.encode(noCard),
            "amount is negative", transactions.encode(negative),
            "amount is not a finite number: NaN", transactions.encode(nan),
            "amount is not a finite number: Infinity", transactions.encode(infinite));
    bad.values().forEach(bytes -> sendRaw(Topic.TRANSACTIONS, "c-dl", bytes));
    send(good);

    try (TopicReader<DeadLetter> deadLetters =
        new TopicReader<>(kafka.bootstrapServers(), Topic.DEAD_LETTERS, DeadLetter.class)) {
      List<DeadLetter> letters =
          deadLetters.pollUntil(
              list -> list.stream().filter(l -> l.getPartition() >= 0).count() >= bad.size(), WAIT);
      assertThat(letters).filteredOn(l -> l.getPartition() >= 0).hasSize(bad.size());
      for (Map.Entry<String, byte[]> expected : bad.entrySet()) {
        assertThat(letters)
            .as("dead letter for '%s' with its original bytes", expected.getKey())
            .anySatisfy(
                letter -> {
                  assertThat(letter.getReason()).contains(expected.getKey());
                  assertThat(letter.getSourceTopic()).isEqualTo("transactions");
                  assertThat(bytes(letter.getPayload())).isEqualTo(expected.getValue());
                });
      }
    }
    assertThat(awaitScores(Set.of("dl-good"))).hasSize(1);
  }

  @Test
  void aLateTransactionIsScoredAndReportedNeverDropped() {
    // Once the card's stage has featured a current transaction, one an hour older is out of order.
    send(transaction("on-time-1", "c-late", "t-late", 20.0, System.currentTimeMillis()));
    awaitScores(Set.of("on-time-1"));
    long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    send(transaction("late-1", "c-late", "t-late", 25.0, anHourAgo));

    assertThat(awaitScores(Set.of("late-1"))).hasSize(1);
    try (TopicReader<DeadLetter> deadLetters =
        new TopicReader<>(kafka.bootstrapServers(), Topic.DEAD_LETTERS, DeadLetter.class)) {
      List<DeadLetter> letters =
          deadLetters.pollUntil(
              list -> list.stream().anyMatch(l -> l.getReason().startsWith("late")), WAIT);
      assertThat(letters)
          .filteredOn(l -> l.getReason().startsWith("late"))
          .singleElement()
          .satisfies(
              letter ->
                  assertThat(transactions.decode(bytes(letter.getPayload())).getTransactionId())
                      .isEqualTo("late-1"));
    }
  }

  @Test
  void bothJobsRunOnRocksDbWithExactlyOnceCheckpoints() throws Exception {
    for (JobID job : jobs) {
      AccessExecutionGraph graph = flink.cluster().getExecutionGraph(job).get();
      assertThat(graph.getStateBackendName())
          .hasValueSatisfying(name -> assertThat(name).contains("RocksDB"));
      assertThat(graph.getCheckpointCoordinatorConfiguration().isExactlyOnce()).isTrue();
      assertThat(graph.getCheckpointCoordinatorConfiguration().getCheckpointInterval())
          .isEqualTo(settings.checkpointInterval().toMillis());
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  flink
                      .cluster()
                      .getExecutionGraph(job)
                      .get()
                      .getCheckpointStatsSnapshot()
                      .getCounts()
                      .getNumberOfCompletedCheckpoints(),
              completed -> completed > 0);
    }
  }

  @Test
  void flinksPrometheusReporterListsThePlatformMetrics() throws Exception {
    // No labels: they would train the model under the tests that expect the initial one.
    List<Transaction> batch = transactions("prom-", 40);
    batch.forEach(this::send);
    awaitScores(ids(batch));
    String operator = "flink_taskmanager_job_task_operator_riskstream_";

    Map<String, List<Sample>> scraped = scrape(flink.metricsUrl().orElseThrow());

    System.out.println(
        "Flink's Prometheus reporter: "
            + scraped.keySet().stream().filter(name -> name.contains("riskstream_")).toList());
    assertThat(scraped.keySet()).anyMatch(name -> name.startsWith("flink_jobmanager_"));
    List<Sample> scores = scraped.get(operator + "decision_scores");
    for (String decision : List.of("APPROVE", "REVIEW", "DECLINE")) {
      assertThat(scores).anyMatch(s -> decision.equals(s.label("decision")));
    }
    assertThat(scores.stream().mapToDouble(Sample::value).sum())
        .as("counted when scored, so before the scores were committed")
        .isGreaterThanOrEqualTo(batch.size());
    assertThat(scraped.get(operator + "model_version"))
        .as("one per scorer subtask")
        .extracting(s -> s.label("subtask_index"))
        .doesNotHaveDuplicates()
        .hasSize(settings.parallelism());
    assertThat(scraped)
        .containsKeys(
            operator + "dead_letters",
            operator + "late_transactions",
            operator + "gate_rejections",
            operator + "label_lag_seconds");
    Matcher grafana =
        Pattern.compile("flink_[A-Za-z_]+")
            .matcher(Files.readString(Path.of("../dashboard/grafana/riskstream.json")));
    while (grafana.find()) {
      assertThat(scraped).as("the Grafana dashboard's query").containsKey(grafana.group());
    }
  }

  /** One line of Prometheus' text format: a metric's labels and value. */
  private record Sample(String labels, double value) {
    String label(String name) {
      Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
      return m.find() ? m.group(1) : null;
    }
  }

  private static Map<String, List<Sample>> scrape(String url) throws Exception {
    String text =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString())
            .body();
    Map<String, List<Sample>> metrics = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = line.substring(0, brace >= 0 ? brace : space);
      String labels = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
      metrics
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(new Sample(labels, Double.parseDouble(line.substring(space + 1))));
    }
    return metrics;
  }

  /**
   * Sends probe transactions on many cards (so every scorer instance sees some) until all of a
   * round are scored by a trained version: the broadcast has reached every scorer.
   */
  private void awaitScorersOnATrainedVersion() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (int round = 0; System.nanoTime() < deadline; round++) {
      List<Transaction> probes = transactions("probe-" + round + "-", 10);
      probes.forEach(this::send);
      if (awaitScores(ids(probes)).stream().allMatch(s -> s.getModelVersion() > 0)) {
        return;
      }
    }
    throw new AssertionError("scorers never switched to a trained model version");
  }

  /**
   * Each score must be what the initial model gives once the published weights of its version are
   * loaded — and not what the initial weights alone give.
   */
  private void assertScoresComeFromThePublishedWeights(List<Score> scores) {
    Map<String, FeatureSnapshot> snapshots = snapshotsOf(scoredIds(scores));
    List<ModelUpdate> updates;
    try (TopicReader<ModelUpdate> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.MODEL_UPDATES, ModelUpdate.class)) {
      long newest = scores.stream().mapToLong(Score::getModelVersion).max().orElseThrow();
      updates =
          reader.pollUntil(list -> list.stream().anyMatch(u -> u.getVersion() >= newest), WAIT);
    }
    try (FraudModel initial = FraudModel.create(settings.modelConfig())) {
      for (Score score : scores) {
        ScoringInput input = inputOf(snapshots.get(score.getTransactionId()));
        double oldScore = initial.score(List.of(input))[0];
        assertThat(score.getScore())
            .as("score of %s differs from the initial weights'", score.getTransactionId())
            .isNotCloseTo(oldScore, within(1e-6));
        try (FraudModel published = FraudModel.create(settings.modelConfig())) {
          for (ModelUpdate update : updates) {
            if (update.getVersion() == score.getModelVersion()) {
              published.importGroup(update.getGroup(), bytes(update.getPayload()));
            }
          }
          assertThat(score.getScore())
              .as(
                  "score of %s reproduced from version %d",
                  score.getTransactionId(), score.getModelVersion())
              .isCloseTo(published.score(List.of(input))[0], within(1e-5));
        }
      }
    }
  }

  private static ScoringInput inputOf(FeatureSnapshot snapshot) {
    return new ScoringInput(
        FloatVectors.toArray(snapshot.getFeatures()),
        FloatVectors.toArrays(snapshot.getHistory()),
        snapshot.getCategories().stream().mapToInt(Integer::intValue).toArray());
  }

  private void assertExactlyOneScoreEach(Set<String> first, Set<String> second) {
    try (TopicReader<Score> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.SCORES, Score.class)) {
      reader.pollUntil(
          list -> scoredIds(list).containsAll(first) && scoredIds(list).containsAll(second), WAIT);
      List<Score> all = reader.pollFor(Duration.ofSeconds(3));
      Map<String, Long> counts =
          all.stream()
              .collect(Collectors.groupingBy(Score::getTransactionId, Collectors.counting()));
      for (String id : concat(first, second)) {
        assertThat(counts.get(id)).as("scores of %s", id).isEqualTo(1L);
      }
    }
  }

  private List<Score> awaitScores(Set<String> transactionIds) {
    try (TopicReader<Score> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.SCORES, Score.class)) {
      List<Score> all = reader.pollUntil(list -> scoredIds(list).containsAll(transactionIds), WAIT);
      List<Score> wanted =
          all.stream().filter(s -> transactionIds.contains(s.getTransactionId())).toList();
      assertThat(scoredIds(wanted)).as("scored transactions").containsAll(transactionIds);
      return wanted;
    }
  }

  private Map<String, FeatureSnapshot> snapshotsOf(Set<String> transactionIds) {
    try (TopicReader<FeatureSnapshot> reader =
        new TopicReader<>(
            kafka.bootstrapServers(), Topic.FEATURE_SNAPSHOTS, FeatureSnapshot.class)) {
      return reader
          .pollUntil(
              list ->
                  list.stream()
                      .map(FeatureSnapshot::getTransactionId)
                      .collect(Collectors.toSet())
                      .containsAll(transactionIds),
              WAIT)
          .stream()
          .filter(s -> transactionIds.contains(s.getTransactionId()))
          .collect(
              Collectors.toMap(
                  FeatureSnapshot::getTransactionId, Function.identity(), (a, b) -> a));
    }
  }

  /**
   * A small stream with a planted pattern: cards c-0..c-19 buy at terminals t-0..t-9; large
   * purchases at terminal t-0 are fraud. Stamped now, as live payments are, so the stream stays in
   * event-time order with the other tests' transactions.
   */
  private static List<Transaction> transactions(String prefix, int count) {
    long now = System.currentTimeMillis();
    List<Transaction> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String terminal = "t-" + (i % 10);
      double amount = terminal.equals("t-0") ? 400 + i : 20 + (i % 7) * 5;
      list.add(transaction(prefix + i, "c-" + (i % 20), terminal, amount, now - count + i));
    }
    return list;
  }

  private static boolean isFraud(Transaction txn) {
    return txn.getTerminalId().equals("t-0");
  }

  private static Transaction transaction(
      String id, String card, String terminal, double amount, long eventTime) {
    return Transaction.newBuilder()
        .setTransactionId(id)
        .setCardId(card)
        .setTerminalId(terminal)
        .setAmount(amount)
        .setEventTime(eventTime)
        .build();
  }

  private static Label label(String transactionId, String card, boolean fraud) {
    return Label.newBuilder()
        .setTransactionId(transactionId)
        .setCardId(card)
        .setFraud(fraud)
        .setLabelTime(System.currentTimeMillis())
        .setSource("it")
        .build();
  }

  private void send(Transaction txn) {
    sendRaw(
        Topic.TRANSACTIONS,
        txn.getCardId().isEmpty() ? "none" : txn.getCardId(),
        transactions.encode(txn));
    producer.flush();
  }

  private void sendLabel(Transaction txn, boolean fraud) {
    sendRaw(
        Topic.LABELS,
        txn.getTransactionId(),
        AvroCodec.of(Label.class).encode(label(txn.getTransactionId(), txn.getCardId(), fraud)));
    producer.flush();
  }

  private void sendRaw(Topic topic, String key, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value));
  }

  private static Set<String> ids(List<Transaction> transactions) {
    return transactions.stream().map(Transaction::getTransactionId).collect(Collectors.toSet());
  }

  private static Set<String> scoredIds(List<Score> scores) {
    return scores.stream().map(Score::getTransactionId).collect(Collectors.toSet());
  }

  private static List<String> concat(Set<String> a, Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
