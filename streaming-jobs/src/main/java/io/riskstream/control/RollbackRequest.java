package io.riskstream.control;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.ModelControl;
import io.riskstream.schemas.ModelControlKind;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.Topic;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Asks the learner to publish an earlier version again as the newest, and waits for its answer on
 * model-events. The learner, not this client, writes the version, so version numbers stay a single
 * writer's sequence.
 */
public final class RollbackRequest {
  private static final AvroCodec<ModelControl> CODEC = AvroCodec.of(ModelControl.class);

  private RollbackRequest() {}

  /**
   * @return the learner's answer (ROLLED_BACK or ROLLBACK_REFUSED), or empty when none came in time
   */
  public static Optional<ModelEvent> send(
      String bootstrapServers, String modelId, long toVersion, Duration timeout) throws Exception {
    return send(bootstrapServers, KafkaProperties.none(), modelId, toVersion, timeout);
  }

  /** {@link #send(String, String, long, Duration)} with the operator's Kafka client properties. */
  public static Optional<ModelEvent> send(
      String bootstrapServers,
      KafkaProperties client,
      String modelId,
      long toVersion,
      Duration timeout)
      throws Exception {
    String requestId = UUID.randomUUID().toString();
    try (ModelEventLog events = new ModelEventLog(bootstrapServers, client)) {
      // Listen from before the request, so an answer can never slip past.
      long from = events.end();
      ModelControl request =
          ModelControl.newBuilder()
              .setModelId(modelId)
              .setKind(ModelControlKind.ROLLBACK)
              .setToVersion(toVersion)
              .setRequestId(requestId)
              .setRequestedAt(System.currentTimeMillis())
              .build();
      try (KafkaProducer<byte[], byte[]> producer =
          KafkaClients.producer(bootstrapServers, client)) {
        producer
            .send(
                new ProducerRecord<>(
                    Topic.MODEL_CONTROL.topicName(), modelId.getBytes(), CODEC.encode(request)))
            .get();
      }
      return events.await(
          from,
          event ->
              requestId.equals(event.getRequestId())
                  && (event.getKind() == ModelEventKind.ROLLED_BACK
                      || event.getKind() == ModelEventKind.ROLLBACK_REFUSED),
          timeout);
    }
  }
}
