package io.riskstream.jobs;

import io.riskstream.features.FeatureRecord;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Transaction;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Reports a transaction that arrived behind the watermark. It was still scored (a payment cannot
 * wait), with the features its entities had at arrival; the dead letter makes it visible.
 */
final class LateTransactions implements MapFunction<FeatureRecord, DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String job;
  private final AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);

  LateTransactions(String job) {
    this.job = job;
  }

  @Override
  public DeadLetter map(FeatureRecord late) {
    return DeadLetter.newBuilder()
        .setSourceTopic("transactions")
        .setPartition(-1)
        .setOffset(-1)
        .setReason(
            "late: event time "
                + late.eventTime
                + " arrived behind the watermark; scored with the features at arrival")
        .setPayload(ByteBuffer.wrap(codec.encode(late.transaction())))
        .setJob(job)
        .setFailedAt(System.currentTimeMillis())
        .build();
  }
}
