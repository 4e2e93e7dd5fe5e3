package io.riskstream.jobs;

import io.riskstream.schemas.Label;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for the feature stages: bounded out-of-orderness on event time. Live, a partition that
 * has gone quiet is marked idle so it does not hold the others back (the stages release held
 * transactions after a bounded wait anyway); a replay never marks one idle, so a source slowed by
 * backpressure cannot be overtaken and the replay stays exact.
 */
final class EventTimeWatermarks {
  private static final Duration IDLE_PARTITION = Duration.ofSeconds(5);

  private EventTimeWatermarks() {}

  /** Labels are timed by when their verdict became known. */
  static WatermarkStrategy<Label> labels(PlatformSettings settings) {
    return of((label, ts) -> label.getLabelTime(), settings.maxOutOfOrderness(), settings.live());
  }

  static <T> WatermarkStrategy<T> of(
      SerializableTimestampAssigner<T> timestamps, Duration bound, boolean live) {
    WatermarkStrategy<T> strategy =
        WatermarkStrategy.<T>forBoundedOutOfOrderness(bound).withTimestampAssigner(timestamps);
    return live ? strategy.withIdleness(IDLE_PARTITION) : strategy;
  }
}
