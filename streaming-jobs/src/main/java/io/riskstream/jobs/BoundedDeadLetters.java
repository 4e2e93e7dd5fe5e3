package io.riskstream.jobs;

import io.riskstream.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds dead letters that always fit the dead-letter topic. A dead letter carries the rejected
 * record's bytes, and a rejected record can be as large as its producer and broker allowed (a
 * compressible value passes a broker's 1 MiB limit compressed): copied whole, it would make the
 * dead letter too large for the dead-letter sink's producer ({@code max.request.size}, 1 MiB by
 * default), and the failed send would fail the job, which after each restart would read the same
 * record again. So only the first {@link #MAX_PAYLOAD_BYTES} are kept, and the reason says so; the
 * whole record stays at its source topic, partition and offset for as long as the topic keeps it.
 */
final class BoundedDeadLetters {
  /**
   * Far below the 1 MiB default limits, so a dead letter fits with its reason and fields; far above
   * any valid transaction or label (about 100 bytes), whose bytes therefore always stay whole.
   */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  /** Reasons are one line; a longer one (e.g. quoting input) is cut. */
  static final int MAX_REASON_CHARS = 1_000;

  private BoundedDeadLetters() {}

  static DeadLetter of(
      String sourceTopic, int partition, long offset, String reason, byte[] payload, String job) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    String why = reason == null || reason.isBlank() ? "rejected (no reason given)" : reason;
    if (why.length() > MAX_REASON_CHARS) {
      why = why.substring(0, MAX_REASON_CHARS) + "...";
    }
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      why +=
          "; payload truncated to its first "
              + MAX_PAYLOAD_BYTES
              + " of "
              + bytes.length
              + " bytes (whole at the source offset)";
      bytes = Arrays.copyOf(bytes, MAX_PAYLOAD_BYTES);
    }
    return DeadLetter.newBuilder()
        .setSourceTopic(sourceTopic)
        .setPartition(partition)
        .setOffset(offset)
        .setReason(why)
        .setPayload(ByteBuffer.wrap(bytes))
        .setJob(job)
        .setFailedAt(System.currentTimeMillis())
        .build();
  }
}
