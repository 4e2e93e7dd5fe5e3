package io.riskstream.jobs;

import io.riskstream.features.FeaturePipeline;
import io.riskstream.features.FeatureRecord;
import io.riskstream.jobs.kafka.KafkaIo;
import io.riskstream.jobs.kafka.KafkaRecord;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The feature stages as every job runs them: event-time watermarks on transactions and labels, then
 * the spec's pipeline. The scoring job and the reference check share this, so the check verifies
 * the code that scores.
 */
public final class FeatureStages {
  private FeatureStages() {}

  static FeaturePipeline.Featured of(
      PlatformSettings settings, DataStream<Transaction> transactions, DataStream<Label> labels) {
    return FeaturePipeline.features(
        transactions
            .assignTimestampsAndWatermarks(
                EventTimeWatermarks.<Transaction>of(
                    (txn, ts) -> txn.getEventTime(), settings.maxOutOfOrderness(), settings.live()))
            .uid("transaction-watermarks"),
        labels
            .assignTimestampsAndWatermarks(EventTimeWatermarks.labels(settings))
            .uid("label-watermarks"),
        settings.features(),
        settings.labelJoinTtl(),
        settings.featureHold());
  }

  /**
   * A finite job: the raw features of everything on the transactions and labels topics now, in
   * replay mode (event time alone drives the watermarks).
   */
  public static DataStream<FeatureRecord> replayOfTopics(
      StreamExecutionEnvironment env, PlatformSettings settings, String job) {
    return ofTopics(env, settings.replayingHistory(), job, KafkaIo::untilCurrentEnd);
  }

  /**
   * An unbounded job: the raw features of the transactions and labels topics as they arrive, with
   * the watermarks and hold {@code settings} ask for (live: a stage holds a transaction at most
   * {@code maxOutOfOrderness}), e.g. to measure the latency of the feature stages.
   */
  public static DataStream<FeatureRecord> liveOfTopics(
      StreamExecutionEnvironment env, PlatformSettings settings, String job) {
    return ofTopics(env, settings, job, KafkaIo::source);
  }

  private static DataStream<FeatureRecord> ofTopics(
      StreamExecutionEnvironment env,
      PlatformSettings settings,
      String job,
      SourceFactory sources) {
    SingleOutputStreamOperator<Transaction> transactions =
        DecodedSource.transactions(env, sources.of(settings, Topic.TRANSACTIONS, job), job);
    SingleOutputStreamOperator<Label> labels =
        DecodedSource.labels(env, sources.of(settings, Topic.LABELS, job + "-labels"), job);
    return of(settings, transactions, labels).records();
  }

  /** One of {@link KafkaIo}'s source kinds. */
  private interface SourceFactory {
    KafkaSource<KafkaRecord> of(PlatformSettings settings, Topic topic, String groupId);
  }
}
