package io.riskstream.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;

/**
 * Puts a keyed stream back into event-time order. Records from several upstream channels arrive
 * interleaved; windows that end "at the current event" are only exact if every earlier event of the
 * key was seen first. A record waits in keyed state until the watermark passes its timestamp, then
 * all records of that timestamp are released in arrival order.
 *
 * <p>Live, a payment cannot wait for the next event to move the watermark: with a {@code maxHold},
 * a record is also released once it has waited that long in processing time, together with every
 * earlier record of the key. A record that arrives behind the watermark, or behind what was already
 * released, is late: the caller processes it at once and reports it. Replays use no hold limit, so
 * they depend on event time alone and are exact and repeatable.
 */
final class EventTimeOrder<T> {
  private final MapState<Long, List<T>> waiting;
  private final MapState<Long, Long> releases;
  private final ValueState<Long> releasedUpTo;
  private final long maxHoldMillis;

  /**
   * @param maxHold the longest a record waits in processing time; zero: until the watermark
   */
  EventTimeOrder(RuntimeContext context, String name, Class<T> type, Duration maxHold) {
    waiting =
        context.getMapState(
            new MapStateDescriptor<>(name, Types.LONG, Types.LIST(TypeInformation.of(type))));
    releases =
        context.getMapState(new MapStateDescriptor<>(name + "-releases", Types.LONG, Types.LONG));
    releasedUpTo =
        context.getState(new ValueStateDescriptor<>(name + "-released-up-to", Types.LONG));
    maxHoldMillis = maxHold.toMillis();
  }

  /** Holds the record until it is due; false if it is already late. */
  boolean hold(T record, long timestamp, TimerService timers) throws Exception {
    Long released = releasedUpTo.value();
    if (timestamp <= timers.currentWatermark() || (released != null && timestamp <= released)) {
      return false;
    }
    List<T> atTimestamp = waiting.get(timestamp);
    if (atTimestamp == null) {
      atTimestamp = new ArrayList<>();
      timers.registerEventTimeTimer(timestamp);
    }
    atTimestamp.add(record);
    waiting.put(timestamp, atTimestamp);
    if (maxHoldMillis > 0) {
      long releaseAt = timers.currentProcessingTime() + maxHoldMillis;
      Long upTo = releases.get(releaseAt);
      if (upTo == null) {
        timers.registerProcessingTimeTimer(releaseAt);
      }
      releases.put(releaseAt, upTo == null ? timestamp : Math.max(upTo, timestamp));
    }
    return true;
  }

  /** The records a timer makes due, oldest first, removed from the buffer. */
  List<T> due(long timestamp, TimeDomain domain, TimerService timers) throws Exception {
    if (domain == TimeDomain.EVENT_TIME) {
      List<T> due = waiting.get(timestamp);
      waiting.remove(timestamp);
      return due == null ? List.of() : due;
    }
    Long upTo = releases.get(timestamp);
    releases.remove(timestamp);
    if (upTo == null || upTo <= timers.currentWatermark()) {
      // The watermark passed them first: their event-time timers have released them all, and the
      // watermark makes anything older late, so there is nothing to scan (a state iterator per
      // hold, the common case when the stages keep up).
      return List.of();
    }
    return releaseUpTo(upTo);
  }

  private List<T> releaseUpTo(long upTo) throws Exception {
    List<Long> times = new ArrayList<>();
    for (Long time : waiting.keys()) {
      if (time <= upTo) {
        times.add(time);
      }
    }
    times.sort(null);
    List<T> due = new ArrayList<>();
    for (Long time : times) {
      due.addAll(waiting.get(time));
      waiting.remove(time);
    }
    Long released = releasedUpTo.value();
    releasedUpTo.update(released == null ? upTo : Math.max(released, upTo));
    return due;
  }
}
