package io.riskstream.jobs;

import io.riskstream.jobs.kafka.KafkaRecord;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.InvalidRecordException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Decodes and validates raw records. A record that fails goes to the {@link #DEAD_LETTERS} side
 * output with the reason and its original bytes; the job keeps running and nothing is dropped
 * silently.
 */
public class DecodeFunction<T extends SpecificRecordBase> extends ProcessFunction<KafkaRecord, T> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  private final String job;
  private final AvroCodec<T> codec;
  private final SerializableFunction<T, T> validation;
  private transient Counter deadLetters;

  public DecodeFunction(String job, Class<T> type, SerializableFunction<T, T> validation) {
    this.job = job;
    this.codec = AvroCodec.of(type);
    this.validation = validation;
  }

  @Override
  public void open(OpenContext openContext) {
    deadLetters =
        getRuntimeContext().getMetricGroup().addGroup("riskstream").counter("dead_letters");
  }

  @Override
  public void processElement(KafkaRecord record, Context ctx, Collector<T> out) throws Exception {
    T decoded;
    try {
      decoded = validation.apply(codec.decode(record.value));
    } catch (InvalidRecordException e) {
      deadLetters.inc();
      ctx.output(DEAD_LETTERS, deadLetter(record, e.getMessage()));
      return;
    }
    out.collect(decoded);
  }

  private DeadLetter deadLetter(KafkaRecord record, String reason) {
    return BoundedDeadLetters.of(
        record.topic, record.partition, record.offset, reason, record.value, job);
  }
}
