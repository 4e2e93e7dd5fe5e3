package io.riskstream.bench;

import io.riskstream.jobs.PlatformSettings;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The latency half of the bench. Replayed history has no meaningful event→output latency, so this
 * phase runs the feature job live (as in production), produces transactions at a fixed rate stamped
 * with the send time, and measures send → featured snapshot consumed from Kafka. That includes the
 * producer's linger, both broker hops and the feature stages' hold until the watermark passes the
 * transaction, at most {@code maxOutOfOrderness} (200 ms by default). Measuring starts a few
 * seconds after the first output, so job start-up is not counted.
 */
final class LivePhase {
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private LivePhase() {}

  static LatencyRecorder run(
      EmbeddedFlink flink,
      PlatformSettings settings,
      Path checkpoints,
      List<Transaction> pool,
      double perSecond,
      Duration measured,
      PrintWriter log)
      throws Exception {
    String bootstrap = settings.bootstrapServers();
    BenchTopics.truncate(bootstrap, settings.parallelism(), Topic.TRANSACTIONS, Topic.LABELS);
    LatencyRecorder latencies = new LatencyRecorder();
    try (KafkaConsumer<byte[], byte[]> consumer =
        BenchConsumers.atEnd(bootstrap, Topic.FEATURE_SNAPSHOTS.topicName())) {
      JobID job = flink.submit(BenchJobs.featureLive(settings, checkpoints));
      try (LiveProducer producer = LiveProducer.cycling(bootstrap, pool, perSecond)) {
        producer.start();
        LiveProducer.Window window = measure(consumer, producer, latencies, measured, log);
        log.printf(
            "live: measured %,d of the %,d transactions sent in the window%n",
            latencies.count(), window.sent());
        log.flush();
      } finally {
        flink.cluster().cancelJob(job).get(60, TimeUnit.SECONDS);
        flink.cluster().requestJobResult(job).get(60, TimeUnit.SECONDS);
      }
    }
    return latencies;
  }

  private static LiveProducer.Window measure(
      KafkaConsumer<byte[], byte[]> consumer,
      LiveProducer producer,
      LatencyRecorder latencies,
      Duration measured,
      PrintWriter log)
      throws Exception {
    AvroCodec<FeatureSnapshot> codec = AvroCodec.of(FeatureSnapshot.class);
    long started = System.currentTimeMillis();
    long from = Long.MAX_VALUE;
    long until = Long.MAX_VALUE;
    LiveProducer.Window window = null;
    long nextProgress = started + 5_000;
    boolean producing = true;
    while (true) {
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      consumer.poll(Duration.ofMillis(20)).forEach(records::add);
      long now = System.currentTimeMillis();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        long eventTime = codec.decode(record.value()).getEventTime();
        if (eventTime >= from && eventTime < until) {
          latencies.record(now - eventTime);
        }
      }
      if (from == Long.MAX_VALUE) {
        if (!records.isEmpty()) {
          from = now + SETTLE.toMillis();
          until = from + measured.toMillis();
          window = producer.window(from, until);
          log.printf(
              "live: first features after %.1f s; measuring for %d s%n",
              (now - started) / 1e3, measured.toSeconds());
          log.flush();
        } else if (now - started > FIRST_OUTPUT_TIMEOUT.toMillis()) {
          throw new IllegalStateException("the live feature job wrote nothing within 120 s");
        }
      }
      if (producing && now >= until) {
        producer.close();
        producing = false;
      }
      if (!producing
          && (latencies.count() >= window.sent() || now > until + DRAIN_TIMEOUT.toMillis())) {
        return window;
      }
      if (now >= nextProgress) {
        log.printf("live: %,d transactions measured%n", latencies.count());
        log.flush();
        nextProgress += 5_000;
      }
    }
  }
}
