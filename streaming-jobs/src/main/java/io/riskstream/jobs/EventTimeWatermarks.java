package io.riskstream.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for the feature stages, which hold each transaction until the watermark passes it.
 *
 * <p>Live, events are stamped when they happen, so the watermark also follows the wall clock: a
 * lone transaction on a quiet stream is released {@code bound} after it happened instead of waiting
 * for the next one. Replaying history (event times far behind the clock), the watermark follows the
 * events alone — never marked idle, so a source held back by backpressure cannot be overtaken and
 * the replay stays exact and repeatable.
 */
final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  static <T> WatermarkStrategy<T> of(
      SerializableTimestampAssigner<T> timestamps, Duration bound, boolean followWallClock) {
    return WatermarkStrategy.<T>forGenerator(
            ctx -> new Generator<>(bound.toMillis(), followWallClock))
        .withTimestampAssigner(timestamps);
  }

  /** Bounded out-of-orderness, optionally never behind the wall clock minus the bound. */
  static final class Generator<T> implements WatermarkGenerator<T> {
    private final long bound;
    private final boolean followWallClock;
    private long maxTimestamp = Long.MIN_VALUE + 1;

    Generator(long bound, boolean followWallClock) {
      this.bound = bound;
      this.followWallClock = followWallClock;
      this.maxTimestamp = Long.MIN_VALUE + bound + 1;
    }

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
      maxTimestamp = Math.max(maxTimestamp, timestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      long watermark = maxTimestamp - bound - 1;
      if (followWallClock) {
        watermark = Math.max(watermark, System.currentTimeMillis() - bound - 1);
      }
      output.emitWatermark(new Watermark(watermark));
    }
  }
}
