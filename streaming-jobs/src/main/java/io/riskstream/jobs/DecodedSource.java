package io.riskstream.jobs;

import io.riskstream.jobs.kafka.KafkaRecord;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.RecordValidation;
import io.riskstream.schemas.Transaction;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A topic read as raw records and decoded by a {@link DecodeFunction}, whose side output carries
 * what failed. Operator uids derive from the stream's name: {@code <name>-source}, {@code
 * decode-<name>}.
 */
public final class DecodedSource {
  private DecodedSource() {}

  /** The transactions topic, decoded and validated against the contract. */
  public static SingleOutputStreamOperator<Transaction> transactions(
      StreamExecutionEnvironment env, KafkaSource<KafkaRecord> source, String job) {
    return of(env, source, "transactions", job, Transaction.class, RecordValidation::requireValid);
  }

  /** The labels topic, decoded and validated against the contract. */
  public static SingleOutputStreamOperator<Label> labels(
      StreamExecutionEnvironment env, KafkaSource<KafkaRecord> source, String job) {
    return of(env, source, "labels", job, Label.class, RecordValidation::requireValid);
  }

  public static <T extends SpecificRecordBase> SingleOutputStreamOperator<T> of(
      StreamExecutionEnvironment env,
      KafkaSource<KafkaRecord> source,
      String name,
      String job,
      Class<T> type,
      SerializableFunction<T, T> validation) {
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), name)
        .uid(name + "-source")
        .process(new DecodeFunction<>(job, type, validation), TypeInformation.of(type))
        .uid("decode-" + name)
        .name("decode " + name);
  }
}
