package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.LearnerJob;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.jobs.ScoringJob;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken or hostile producer on the real broker and real Flink: over 100,000 malformed and
 * adversarial records on the transactions and labels topics, interleaved with good transactions and
 * labels. Every bad record must come back as exactly one dead letter per job that reads its topic,
 * with a reason of its kind; every good transaction exactly one score; and no job may restart (a
 * restart would also duplicate the at-least-once dead letters).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCampaignIT {
  private static final int BAD = 100_000;
  private static final int HUGE_IDS = 100;
  private static final int OVERSIZED = 6;
  private static final int MAX_PAYLOAD_BYTES = 64 * 1024; // what a dead letter keeps of a record
  private static final int GOOD = 3_000;
  private static final int GOOD_LABELS = 300;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final long SEED = 20_261_109L;

  /** Reason categories, by a fragment of the reason; the first that matches names it. */
  private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("empty", "empty record value");
    CATEGORIES.put("not-avro", "bad header");
    CATEGORIES.put("wrong-schema", "unknown schema fingerprint");
    CATEGORIES.put("truncated", "body: ");
    CATEGORIES.put("missing-id", "missing field");
    CATEGORIES.put("huge-id", "characters long, over the limit");
    CATEGORIES.put("non-finite-amount", "amount is not a finite number");
    CATEGORIES.put("negative-amount", "amount is negative");
    CATEGORIES.put("extreme-amount", "over the limit of 1.0E9");
    CATEGORIES.put("future-time", "ahead of the processing clock");
    CATEGORIES.put("pre-2000-time", "is before 2000-01-01");
    CATEGORIES.put("non-positive-time", "not a positive epoch millis");
  }

  private final AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
  private final AvroCodec<Label> labels = AvroCodec.of(Label.class);
  private KafkaFixture kafka;
  private EmbeddedFlink flink;
  private KafkaProducer<byte[], byte[]> producer;
  private final List<JobID> jobs = new ArrayList<>();

  @BeforeAll
  void startPlatform(@TempDir Path dataDir) throws Exception {
    kafka = new EmbeddedKafkaFixture(dataDir.resolve("kafka"));
    TopicSetup.createAll(kafka.bootstrapServers(), 2);
    PlatformSettings settings =
        PlatformSettings.defaults(kafka.bootstrapServers())
            .withCheckpointInterval(Duration.ofSeconds(1))
            .withLearner(
                new LearnerSettings(
                    "riskstream-it", List.of("head"), 32, Duration.ofSeconds(1), 2, 0.05f, 5f));
    flink = EmbeddedFlink.start(4, dataDir.resolve("savepoints"), OptionalInt.empty());
    jobs.add(flink.submit(JobGraphs.scoring(settings, dataDir.resolve("checkpoints"))));
    jobs.add(flink.submit(JobGraphs.learner(settings, dataDir.resolve("checkpoints"))));
    producer = hostileProducer(kafka.bootstrapServers());
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
  void everyBadRecordIsDeadLetteredEveryGoodOneScoredAndNoJobRestarts() throws Exception {
    Random random = new Random(SEED);
    List<Kind> campaign = campaign(random);
    // topic/partition/offset -> the expected reason category, with "+truncated" when the record is
    // larger than a dead letter keeps
    Map<String, String> expected = new ConcurrentHashMap<>();
    List<Exception> sendErrors = new CopyOnWriteArrayList<>();
    Set<String> good = new java.util.HashSet<>();
    int badTransactions = 0;
    int badLabels = 0;
    int goodEvery = campaign.size() / GOOD;

    warmUp();
    long started = System.nanoTime();
    for (int i = 0; i < campaign.size(); i++) {
      Kind kind = campaign.get(i);
      byte[] value = kind.bytes().apply(random);
      String key = "k-" + random.nextInt(100);
      producer.send(
          new ProducerRecord<>(
              kind.topic().topicName(), key.getBytes(StandardCharsets.UTF_8), value),
          (metadata, error) -> {
            if (error != null) {
              sendErrors.add(error);
            } else {
              expected.put(
                  metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset(),
                  kind.category()
                      + (value != null && value.length > MAX_PAYLOAD_BYTES ? "+truncated" : ""));
            }
          });
      if (kind.topic() == Topic.TRANSACTIONS) {
        badTransactions++;
      } else {
        badLabels++;
      }
      if (i % goodEvery == 0 && good.size() < GOOD) {
        Transaction txn = goodTransaction(good.size());
        good.add(txn.getTransactionId());
        send(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn));
        if (good.size() <= GOOD_LABELS) {
          send(Topic.LABELS, txn.getTransactionId(), labels.encode(goodLabel(txn)));
        }
      }
    }
    producer.flush();
    double sendSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(sendErrors).as("records the broker refused").isEmpty();
    assertThat(good).hasSize(GOOD);
    int bad = badTransactions + badLabels;
    assertThat(bad).isGreaterThanOrEqualTo(100_000);
    // Both jobs read labels, only the scoring job transactions.
    int expectedLetters = badTransactions + 2 * badLabels;

    List<DeadLetter> letters;
    try (TopicReader<DeadLetter> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.DEAD_LETTERS, DeadLetter.class)) {
      reader.pollUntil(list -> list.size() >= expectedLetters, WAIT);
      letters = new ArrayList<>(reader.pollFor(Duration.ofSeconds(2))); // duplicates, if any
    }
    double drainSeconds = (System.nanoTime() - started) / 1e9;
    List<Score> scores;
    try (TopicReader<Score> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.SCORES, Score.class)) {
      reader.pollUntil(list -> scoredIds(list).containsAll(good), WAIT);
      scores = new ArrayList<>(reader.pollFor(Duration.ofSeconds(2)));
    }

    Map<String, Integer> lettersPerRecordAndJob = new HashMap<>();
    int lateGood = 0;
    Map<String, Integer> byCategory = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (DeadLetter letter : letters) {
      String source =
          letter.getSourceTopic() + "/" + letter.getPartition() + "/" + letter.getOffset();
      String category = categoryOf(letter.getReason());
      byCategory.merge(category, 1, Integer::sum);
      if (letter.getReason().contains("payload truncated")) {
        category += "+truncated";
        byCategory.merge("(payload truncated)", 1, Integer::sum);
      }
      String wanted = expected.get(source);
      if (category.equals("late")) {
        // Reported late but scored: a live stage's watermark passed it (e.g. a partition stalled
        // past the idle timeout on this busy machine). Allowed for good transactions only: the
        // campaign's and the warm-up's (a warm-up record can be late when one source task starts
        // seconds after the other, which is why the warm-up exists).
        String id = transactions.decode(bytes(letter)).getTransactionId();
        if (!good.contains(id) && !id.startsWith("warm-up-")) {
          problems.add("late dead letter of a transaction that is not a good one: " + id);
        }
        lateGood++;
        continue;
      }
      if (wanted == null) {
        problems.add("dead letter of no bad record: " + source + " " + letter.getReason());
      } else if (!wanted.equals(category)) {
        problems.add(source + " expected " + wanted + ", reason: " + letter.getReason());
      }
      lettersPerRecordAndJob.merge(source + " " + letter.getJob(), 1, Integer::sum);
    }
    for (Map.Entry<String, String> record : expected.entrySet()) {
      List<String> readers =
          record.getKey().startsWith("labels/")
              ? List.of(ScoringJob.NAME, LearnerJob.NAME)
              : List.of(ScoringJob.NAME);
      for (String job : readers) {
        int count = lettersPerRecordAndJob.getOrDefault(record.getKey() + " " + job, 0);
        if (count != 1) {
          problems.add(
              count + " dead letters from " + job + " for " + record.getKey() + " " + record);
        }
      }
    }
    Map<String, Long> scoresPerId =
        scores.stream()
            .filter(score -> !score.getTransactionId().startsWith("warm-up-"))
            .collect(Collectors.groupingBy(Score::getTransactionId, Collectors.counting()));
    long scoredGood = good.stream().filter(id -> scoresPerId.getOrDefault(id, 0L) == 1).count();
    int restarts = restarts();

    System.out.println("bad-input campaign, dead letters by reason: " + byCategory);
    System.out.printf(
        "bad_records=%d bad_transactions=%d bad_labels=%d dead_letters=%d good=%d scored=%d"
            + " scores=%d late_good=%d restarts=%d send_s=%.1f drain_s=%.1f bad_per_s=%.0f%n",
        bad,
        badTransactions,
        badLabels,
        letters.size(),
        good.size(),
        scoredGood,
        scores.size(),
        lateGood,
        restarts,
        sendSeconds,
        drainSeconds,
        bad / drainSeconds);
    problems.stream().limit(20).forEach(p -> System.out.println("problem: " + p));

    assertThat(restarts).as("job restarts").isZero();
    for (JobID job : jobs) {
      assertThat(flink.status(job)).as("job %s", job).isEqualTo(JobStatus.RUNNING);
    }
    assertThat(expected).as("bad records the broker took").hasSize(bad);
    assertThat(problems).as("dead letters that are missing, extra or of the wrong kind").isEmpty();
    assertThat(letters).hasSize(expectedLetters + lateGood);
    assertThat(scoresPerId.keySet()).as("only good transactions are scored").isEqualTo(good);
    assertThat(scoredGood).as("good transactions scored exactly once").isEqualTo(GOOD);
    assertThat(byCategory.keySet())
        .containsAll(CATEGORIES.keySet())
        .contains("(payload truncated)");
  }

  /**
   * Waits until a few good transactions are scored: every task of the scoring job is up, so the
   * campaign measures the jobs under bad input, not their start (a source that starts seconds after
   * the other finds the watermark already past its first records).
   */
  private void warmUp() {
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      Transaction txn = goodTransaction(i);
      txn.setTransactionId("warm-up-" + i);
      ids.add(txn.getTransactionId());
      send(Topic.TRANSACTIONS, txn.getCardId(), transactions.encode(txn));
    }
    producer.flush();
    try (TopicReader<Score> reader =
        new TopicReader<>(kafka.bootstrapServers(), Topic.SCORES, Score.class)) {
      assertThat(scoredIds(reader.pollUntil(list -> scoredIds(list).containsAll(ids), WAIT)))
          .as("warm-up transactions scored")
          .containsAll(ids);
    }
  }

  /** The most attempts any task of either job has had beyond its first: 0 without restarts. */
  private int restarts() throws Exception {
    int restarts = 0;
    for (JobID job : jobs) {
      AccessExecutionGraph graph = flink.cluster().getExecutionGraph(job).get();
      if (graph.getStatusTimestamp(JobStatus.RESTARTING) > 0) {
        restarts = Math.max(restarts, 1);
      }
      for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
        restarts = Math.max(restarts, vertex.getCurrentExecutionAttempt().getAttemptNumber());
      }
    }
    return restarts;
  }

  private static String categoryOf(String reason) {
    for (Map.Entry<String, String> category : CATEGORIES.entrySet()) {
      if (reason.contains(category.getValue())) {
        return category.getKey();
      }
    }
    return reason.startsWith("late") ? "late" : "other";
  }

  /** What the broken producers send, one entry per record, shuffled. */
  private List<Kind> campaign(Random random) {
    List<Kind> weighted = new ArrayList<>();
    addKinds(
        weighted,
        2,
        new Kind(Topic.TRANSACTIONS, "empty", r -> r.nextBoolean() ? null : new byte[0]));
    addKinds(weighted, 10, new Kind(Topic.TRANSACTIONS, "not-avro", BadInputCampaignIT::notAvro));
    addKinds(
        weighted,
        10,
        new Kind(
            Topic.TRANSACTIONS,
            "truncated",
            r -> truncate(r, transactions.encode(anyTransaction(r)))));
    addKinds(
        weighted,
        10,
        new Kind(
            Topic.TRANSACTIONS,
            "wrong-schema",
            r -> wrongFingerprint(r, transactions.encode(anyTransaction(r)))));
    addKinds(
        weighted, 5, new Kind(Topic.TRANSACTIONS, "wrong-schema", r -> labels.encode(anyLabel(r))));
    addKinds(
        weighted,
        5,
        new Kind(Topic.TRANSACTIONS, "missing-id", r -> transactions.encode(withoutAnId(r))));
    addKinds(
        weighted,
        5,
        new Kind(
            Topic.TRANSACTIONS,
            "non-finite-amount",
            r ->
                transactions.encode(
                    withAmount(
                        r,
                        pick(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))));
    addKinds(
        weighted,
        3,
        new Kind(
            Topic.TRANSACTIONS,
            "negative-amount",
            r -> transactions.encode(withAmount(r, pick(r, -0.01, -1e6, -Double.MAX_VALUE)))));
    addKinds(
        weighted,
        5,
        new Kind(
            Topic.TRANSACTIONS,
            "extreme-amount",
            r ->
                transactions.encode(
                    withAmount(r, pick(r, 1e308, Double.MAX_VALUE, 1e10, 1.000001e9)))));
    addKinds(
        weighted,
        8,
        new Kind(
            Topic.TRANSACTIONS,
            "future-time",
            r -> transactions.encode(withEventTime(r, futureTime(r)))));
    addKinds(
        weighted,
        4,
        new Kind(
            Topic.TRANSACTIONS,
            "pre-2000-time",
            r -> transactions.encode(withEventTime(r, pre2000Time(r)))));
    addKinds(
        weighted,
        3,
        new Kind(
            Topic.TRANSACTIONS,
            "non-positive-time",
            r -> transactions.encode(withEventTime(r, nonPositiveTime(r)))));
    addKinds(weighted, 5, new Kind(Topic.LABELS, "not-avro", BadInputCampaignIT::notAvro));
    addKinds(
        weighted, 1, new Kind(Topic.LABELS, "empty", r -> r.nextBoolean() ? null : new byte[0]));
    addKinds(
        weighted,
        5,
        new Kind(Topic.LABELS, "truncated", r -> truncate(r, labels.encode(anyLabel(r)))));
    addKinds(
        weighted,
        5,
        new Kind(Topic.LABELS, "wrong-schema", r -> transactions.encode(anyTransaction(r))));
    addKinds(
        weighted,
        3,
        new Kind(
            Topic.LABELS,
            "huge-id",
            r -> labels.encode(withHugeLabelId(r, 200 + r.nextInt(5_000)))));
    addKinds(
        weighted,
        4,
        new Kind(Topic.LABELS, "future-time", r -> labels.encode(withLabelTime(r, futureTime(r)))));
    addKinds(
        weighted,
        2,
        new Kind(
            Topic.LABELS, "pre-2000-time", r -> labels.encode(withLabelTime(r, pre2000Time(r)))));
    addKinds(
        weighted,
        2,
        new Kind(
            Topic.LABELS,
            "non-positive-time",
            r -> labels.encode(withLabelTime(r, nonPositiveTime(r)))));
    addKinds(
        weighted, 2, new Kind(Topic.LABELS, "missing-id", r -> labels.encode(withoutALabelId(r))));

    List<Kind> campaign = new ArrayList<>(BAD + HUGE_IDS + OVERSIZED);
    for (int i = 0; i < BAD; i++) {
      campaign.add(weighted.get(i % weighted.size()));
    }
    // Valid Avro whose ids are 100-300 KB: they pass the schema and would bloat state and scores.
    for (int i = 0; i < HUGE_IDS; i++) {
      campaign.add(
          new Kind(
              Topic.TRANSACTIONS,
              "huge-id",
              r -> transactions.encode(withHugeId(r, 100_000 + r.nextInt(200_000)))));
    }
    // Larger than Kafka's 1 MiB default, let in compressed: the dead letter must still be writable.
    for (int i = 0; i < OVERSIZED; i++) {
      campaign.add(
          i % 2 == 0
              ? new Kind(
                  Topic.TRANSACTIONS, "huge-id", r -> transactions.encode(withHugeId(r, 2_000_000)))
              : new Kind(
                  Topic.TRANSACTIONS,
                  "not-avro",
                  r -> {
                    byte[] zeros = new byte[1_500_000];
                    zeros[0] = 'x';
                    return zeros;
                  }));
    }
    Collections.shuffle(campaign, random);
    return campaign;
  }

  private static void addKinds(List<Kind> weighted, int weight, Kind kind) {
    for (int i = 0; i < weight; i++) {
      weighted.add(kind);
    }
  }

  /** One kind of bad record: the topic it is sent to, its expected reason category, its bytes. */
  private record Kind(Topic topic, String category, Function<Random, byte[]> bytes) {}

  private static byte[] notAvro(Random r) {
    byte[] bytes = new byte[1 + r.nextInt(300)];
    r.nextBytes(bytes);
    if (bytes[0] == (byte) 0xC3) {
      bytes[0] = 0;
    }
    return bytes;
  }

  /** A good record cut anywhere after its 10-byte header, and before its end. */
  private static byte[] truncate(Random r, byte[] encoded) {
    return Arrays.copyOf(encoded, 10 + r.nextInt(encoded.length - 10));
  }

  private static byte[] wrongFingerprint(Random r, byte[] encoded) {
    byte[] bytes = encoded.clone();
    for (int i = 2; i < 10; i++) {
      bytes[i] = (byte) r.nextInt(256);
    }
    return bytes;
  }

  private static long futureTime(Random r) {
    long now = System.currentTimeMillis();
    return pick(
        r,
        Instant.parse("9999-12-31T23:59:59Z").toEpochMilli(),
        Long.MAX_VALUE,
        now * 1000, // microseconds
        now + Duration.ofDays(1).toMillis(),
        now + Duration.ofMinutes(10).toMillis());
  }

  private static long pre2000Time(Random r) {
    return pick(
        r,
        System.currentTimeMillis() / 1000, // seconds
        1L,
        Instant.parse("1999-12-31T23:59:59Z").toEpochMilli());
  }

  private static long nonPositiveTime(Random r) {
    return pick(r, 0L, -1L, Instant.parse("1900-01-01T00:00:00Z").toEpochMilli(), Long.MIN_VALUE);
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  private static Transaction anyTransaction(Random r) {
    return Transaction.newBuilder()
        .setTransactionId("bad-" + r.nextLong())
        .setCardId("c-" + r.nextInt(200))
        .setTerminalId("t-" + r.nextInt(50))
        .setAmount(1 + r.nextInt(500))
        .setEventTime(System.currentTimeMillis())
        .build();
  }

  private static Transaction withAmount(Random r, double amount) {
    Transaction txn = anyTransaction(r);
    txn.setAmount(amount);
    return txn;
  }

  private static Transaction withEventTime(Random r, long eventTime) {
    Transaction txn = anyTransaction(r);
    txn.setEventTime(eventTime);
    return txn;
  }

  private static Transaction withoutAnId(Random r) {
    Transaction txn = anyTransaction(r);
    txn.put(pick(r, "transactionId", "cardId", "terminalId"), pick(r, "", " ", "\t\n"));
    return txn;
  }

  private static Transaction withHugeId(Random r, int length) {
    Transaction txn = anyTransaction(r);
    txn.put(
        pick(r, "transactionId", "cardId", "terminalId", "deviceId", "ipAddress"),
        "x".repeat(length));
    return txn;
  }

  private static Label anyLabel(Random r) {
    return Label.newBuilder()
        .setTransactionId("bad-" + r.nextLong())
        .setCardId("c-" + r.nextInt(200))
        .setFraud(r.nextBoolean())
        .setLabelTime(System.currentTimeMillis())
        .setSource("chargeback")
        .build();
  }

  private static Label withLabelTime(Random r, long labelTime) {
    Label label = anyLabel(r);
    label.setLabelTime(labelTime);
    return label;
  }

  private static Label withoutALabelId(Random r) {
    Label label = anyLabel(r);
    label.put(pick(r, "transactionId", "cardId"), "");
    return label;
  }

  private static Label withHugeLabelId(Random r, int length) {
    Label label = anyLabel(r);
    label.put(pick(r, "transactionId", "cardId", "source"), "y".repeat(length));
    return label;
  }

  /**
   * Good payments stamped now, on 200 cards and 50 terminals, some at the edges of the rules: a
   * zero and a negative-zero amount, the largest amount, ids of the longest length.
   */
  private static Transaction goodTransaction(int i) {
    double amount =
        switch (i % 100) {
          case 1 -> 0.0;
          case 2 -> -0.0;
          case 3 -> 1e9;
          default -> 5 + (i * 37) % 500;
        };
    String id =
        i % 100 == 4 ? ("good-" + i + "-").concat("z".repeat(128)).substring(0, 128) : "good-" + i;
    return Transaction.newBuilder()
        .setTransactionId(id)
        .setCardId("c-" + (i % 200))
        .setTerminalId("t-" + (i % 50))
        .setAmount(amount)
        .setEventTime(System.currentTimeMillis())
        .build();
  }

  private static Label goodLabel(Transaction txn) {
    return Label.newBuilder()
        .setTransactionId(txn.getTransactionId())
        .setCardId(txn.getCardId())
        .setFraud(txn.getAmount() > 400)
        .setLabelTime(System.currentTimeMillis())
        .setSource("it")
        .build();
  }

  private void send(Topic topic, String key, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic.topicName(), key.getBytes(StandardCharsets.UTF_8), value),
        (metadata, error) -> {
          if (error != null) {
            throw new IllegalStateException("cannot send a good record", error);
          }
        });
  }

  /**
   * A producer like the platform's, but one that lets records of several MB through: compressed,
   * they pass the broker's 1 MiB limit, as they would from a misconfigured client.
   */
  private static KafkaProducer<byte[], byte[]> hostileProducer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  private static byte[] bytes(DeadLetter letter) {
    byte[] bytes = new byte[letter.getPayload().remaining()];
    letter.getPayload().duplicate().get(bytes);
    return bytes;
  }

  private static Set<String> scoredIds(List<Score> scores) {
    return scores.stream().map(Score::getTransactionId).collect(Collectors.toSet());
  }
}
