package io.riskstream.bench;

import io.riskstream.features.FeaturePipeline;
import io.riskstream.features.FeatureRecord;
import io.riskstream.jobs.DecodedSource;
import io.riskstream.jobs.FeatureStages;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.jobs.kafka.KafkaIo;
import io.riskstream.jobs.kafka.KafkaRecord;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The bench's three jobs, all with the platform's job configuration (RocksDB, incremental
 * checkpoints every {@link PlatformSettings#checkpointInterval()}). Sinks are at-least-once: the
 * bench measures processing, not Kafka transactions, and both bounded jobs pay the same.
 */
final class BenchJobs {
  static final String FEATURES = "riskstream-bench-features";
  static final String PASSTHROUGH = "riskstream-bench-passthrough";
  static final String LIVE = "riskstream-bench-live-features";
  static final String PASSTHROUGH_LIVE = "riskstream-bench-passthrough-live";

  /** The pass-through job's output; not one of the platform's topics. */
  static final String PASSTHROUGH_TOPIC = "bench-passthrough";

  /**
   * A system property of Flink options that override the platform's job configuration, {@code
   * key=value} pairs separated by commas, e.g. {@code state.backend.type=hashmap}: only to find out
   * what a setting costs. The bench's figures are those without it.
   */
  static final String OVERRIDES_PROPERTY = "riskstream.bench.flink";

  private BenchJobs() {}

  /** Transactions and labels topics to their current end → feature stages → feature-snapshots. */
  static StreamGraph featureReplay(PlatformSettings settings, Path checkpoints) {
    StreamExecutionEnvironment env = env(FEATURES, settings, checkpoints);
    snapshotsToKafka(
        FeatureStages.replayOfTopics(env, settings, FEATURES),
        settings.replayingHistory(),
        FEATURES);
    return env.getStreamGraph();
  }

  /** The same stages, unbounded and live (each stage holds a transaction at most 200 ms). */
  static StreamGraph featureLive(PlatformSettings settings, Path checkpoints) {
    StreamExecutionEnvironment env = env(LIVE, settings, checkpoints);
    snapshotsToKafka(FeatureStages.liveOfTopics(env, settings, LIVE), settings, LIVE);
    return env.getStreamGraph();
  }

  /** Transactions topic to its current end → decode and validate → re-encode → Kafka. */
  static StreamGraph passthrough(PlatformSettings settings, Path checkpoints) {
    StreamExecutionEnvironment env = env(PASSTHROUGH, settings, checkpoints);
    passThrough(
        env,
        settings,
        KafkaIo.untilCurrentEnd(settings, Topic.TRANSACTIONS, PASSTHROUGH),
        Transaction::getCardId,
        DeliveryGuarantee.AT_LEAST_ONCE,
        PASSTHROUGH);
    return env.getStreamGraph();
  }

  /**
   * The reference of {@code bench e2e}: the scoring job's Kafka path without its work. Reads
   * transactions as the scoring job does (unbounded, from the group's offsets, read_committed),
   * decodes and validates them, re-encodes them and writes them through the scores' sink
   * (exactly-once unless the platform's settings say otherwise), with the same checkpoints.
   */
  static StreamGraph passthroughLive(PlatformSettings settings, Path checkpoints) {
    StreamExecutionEnvironment env = env(PASSTHROUGH_LIVE, settings, checkpoints);
    passThrough(
        env,
        settings,
        KafkaIo.source(settings, Topic.TRANSACTIONS, PASSTHROUGH_LIVE),
        Transaction::getTransactionId,
        settings.scoresDelivery(),
        PASSTHROUGH_LIVE);
    return env.getStreamGraph();
  }

  /** Decode and validate → re-encode → the pass-through topic: a job's Kafka path without work. */
  private static void passThrough(
      StreamExecutionEnvironment env,
      PlatformSettings settings,
      KafkaSource<KafkaRecord> source,
      SerializableFunction<Transaction, String> key,
      DeliveryGuarantee guarantee,
      String job) {
    DecodedSource.transactions(env, source, job)
        .sinkTo(KafkaIo.sink(settings, PASSTHROUGH_TOPIC, Transaction.class, key, guarantee, job))
        .uid("passthrough-sink")
        .name(PASSTHROUGH_TOPIC);
  }

  private static void snapshotsToKafka(
      DataStream<FeatureRecord> features, PlatformSettings settings, String job) {
    FeaturePipeline.requests(
            features, settings.features(), settings.historyLength(), settings.featureHold())
        .map(new SnapshotOf(settings.features().id()), TypeInformation.of(FeatureSnapshot.class))
        .uid("snapshots")
        .name("snapshots")
        .sinkTo(
            KafkaIo.sink(
                settings,
                Topic.FEATURE_SNAPSHOTS,
                FeatureSnapshot.class,
                FeatureSnapshot::getTransactionId,
                DeliveryGuarantee.AT_LEAST_ONCE,
                job))
        .uid("snapshots-sink")
        .name(Topic.FEATURE_SNAPSHOTS.topicName());
  }

  static Configuration experimentOverrides() {
    Map<String, String> overrides = new HashMap<>();
    String pairs = System.getProperty(OVERRIDES_PROPERTY, "");
    for (String pair : pairs.split(",")) {
      if (!pair.isBlank()) {
        String[] keyValue = pair.split("=", 2);
        if (keyValue.length != 2) {
          throw new IllegalArgumentException(OVERRIDES_PROPERTY + ": expected key=value: " + pair);
        }
        overrides.put(keyValue[0].trim(), keyValue[1].trim());
      }
    }
    return Configuration.fromMap(overrides);
  }

  private static StreamExecutionEnvironment env(
      String name, PlatformSettings settings, Path checkpoints) {
    Configuration conf = JobGraphs.configuration(name, settings, checkpoints.resolve(name));
    conf.addAll(experimentOverrides());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(settings.parallelism());
    return env;
  }
}
