package io.riskstream.jobs;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Reports a label the learner could not learn from: no scored snapshot of its transaction arrived
 * within the label wait (it was scored before the join TTL, or never scored by this platform).
 */
final class UnmatchedLabels implements MapFunction<Label, DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String job;
  private final Duration wait;
  private final AvroCodec<Label> codec = AvroCodec.of(Label.class);

  UnmatchedLabels(String job, Duration wait) {
    this.job = job;
    this.wait = wait;
  }

  @Override
  public DeadLetter map(Label label) {
    return DeadLetter.newBuilder()
        .setSourceTopic("labels")
        .setPartition(-1)
        .setOffset(-1)
        .setReason(
            "label of transaction "
                + label.getTransactionId()
                + " found no scored snapshot within "
                + wait.toMinutes()
                + " min (scored before the join TTL, or never scored): not learned from")
        .setPayload(ByteBuffer.wrap(codec.encode(label)))
        .setJob(job)
        .setFailedAt(System.currentTimeMillis())
        .build();
  }
}
