package io.riskstream.schemas;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecordBase;

/** Every Kafka topic of the platform with the record type it carries. */
public enum Topic {
  TRANSACTIONS("transactions", Transaction.class),
  LABELS("labels", Label.class),
  FEATURE_SNAPSHOTS("feature-snapshots", FeatureSnapshot.class),
  SCORES("scores", Score.class),
  MODEL_UPDATES("model-updates", ModelUpdate.class),
  MODEL_EVENTS("model-events", ModelEvent.class),
  MODEL_CONTROL("model-control", ModelControl.class),
  DEAD_LETTERS("dead-letters", DeadLetter.class);

  private final String topicName;
  private final Class<? extends SpecificRecordBase> recordType;

  Topic(String topicName, Class<? extends SpecificRecordBase> recordType) {
    this.topicName = topicName;
    this.recordType = recordType;
  }

  /** The topic's name on the broker. */
  public String topicName() {
    return topicName;
  }

  public Class<? extends SpecificRecordBase> recordType() {
    return recordType;
  }

  public AvroCodec<? extends SpecificRecordBase> codec() {
    return AvroCodec.of(recordType);
  }

  /** Looks a topic up by its broker name, e.g. {@code feature-snapshots}. */
  public static Topic byName(String name) {
    for (Topic topic : values()) {
      if (topic.topicName.equals(name)) {
        return topic;
      }
    }
    throw new IllegalArgumentException(
        "unknown topic '"
            + name
            + "'; expected one of "
            + Arrays.stream(values()).map(Topic::topicName).collect(Collectors.joining(", ")));
  }
}
