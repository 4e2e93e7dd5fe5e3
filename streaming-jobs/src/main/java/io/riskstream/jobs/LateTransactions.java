package io.riskstream.jobs;

import io.riskstream.features.FeatureRecord;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Transaction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;

/**
 * Reports a transaction that arrived behind the watermark. It was still scored (a payment cannot
 * wait), with the features its entities had at arrival; the dead letter makes it visible and the
 * {@code late_transactions} counter counts it.
 */
final class LateTransactions extends DeadLetterMapper<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);
  private transient Counter lateTransactions;

  LateTransactions(String job) {
    super(job, "transactions");
  }

  @Override
  public void open(OpenContext openContext) {
    super.open(openContext);
    lateTransactions = platformMetrics().counter("late_transactions");
  }

  @Override
  public DeadLetter map(FeatureRecord late) {
    lateTransactions.inc();
    return deadLetter(
        "late: event time "
            + late.eventTime
            + " arrived behind the watermark; scored with the features at arrival",
        codec.encode(late.transaction()));
  }
}
