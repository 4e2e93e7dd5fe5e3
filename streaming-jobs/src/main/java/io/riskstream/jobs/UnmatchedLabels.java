package io.riskstream.jobs;

import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Label;
import java.time.Duration;

/**
 * Reports a label the learner could not learn from: no scored snapshot of its transaction arrived
 * within the label wait (it was scored before the join TTL, or never scored by this platform).
 */
final class UnmatchedLabels extends DeadLetterMapper<Label> {
  private static final long serialVersionUID = 1L;

  private final Duration wait;
  private final AvroCodec<Label> codec = AvroCodec.of(Label.class);

  UnmatchedLabels(String job, Duration wait) {
    super(job, "labels");
    this.wait = wait;
  }

  @Override
  public DeadLetter map(Label label) {
    return deadLetter(
        "label of transaction "
            + label.getTransactionId()
            + " found no scored snapshot within "
            + wait.toMinutes()
            + " min (scored before the join TTL, or never scored): not learned from",
        codec.encode(label));
  }
}
