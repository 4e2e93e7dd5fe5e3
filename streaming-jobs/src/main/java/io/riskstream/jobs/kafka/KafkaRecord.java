package io.riskstream.jobs.kafka;

/**
 * A record's raw value and where it came from. Jobs decode it themselves, so a record that does not
 * decode can go to the dead-letter topic with its exact bytes and position instead of failing the
 * source. A Flink POJO.
 */
public class KafkaRecord {
  public String topic;
  public int partition;
  public long offset;
  public byte[] value;

  public KafkaRecord() {}

  public KafkaRecord(String topic, int partition, long offset, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.value = value;
  }
}
