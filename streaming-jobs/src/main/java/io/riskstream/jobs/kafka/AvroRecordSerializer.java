package io.riskstream.jobs.kafka;

import io.riskstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes records to one topic in Avro single-object encoding, keyed by an id of the record. */
public class AvroRecordSerializer<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final AvroCodec<T> codec;
  private final SerializableFunction<T, String> key;

  public AvroRecordSerializer(String topic, Class<T> type, SerializableFunction<T, String> key) {
    this.topic = topic;
    this.codec = AvroCodec.of(type);
    this.key = key;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    byte[] keyBytes = key.apply(element).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, timestamp, keyBytes, codec.encode(element));
  }
}
