package io.riskstream.jobs;

import io.riskstream.jobs.kafka.KafkaIo;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Topic;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Writes a job's rejected records to the dead-letter topic. */
final class DeadLetters {
  private DeadLetters() {}

  @SafeVarargs
  static void sink(PlatformSettings settings, String job, DataStream<DeadLetter>... rejected) {
    DataStream<DeadLetter> all = rejected[0];
    for (int i = 1; i < rejected.length; i++) {
      all = all.union(rejected[i]);
    }
    // At least once: a dead letter written twice after a failover is harmless, one lost is not.
    all.sinkTo(
            KafkaIo.sink(
                settings,
                Topic.DEAD_LETTERS,
                DeadLetter.class,
                letter -> letter.getSourceTopic() + "/" + letter.getPartition(),
                DeliveryGuarantee.AT_LEAST_ONCE,
                job + "-dead-letters"))
        .uid("dead-letters-sink")
        .name("dead-letters");
  }
}
