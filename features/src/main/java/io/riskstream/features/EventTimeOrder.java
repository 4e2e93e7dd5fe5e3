package io.riskstream.features;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Puts a keyed stream back into event-time order. Records from several upstream channels arrive
 * interleaved; windows that end "at the current event" are only exact if every earlier event of the
 * key was seen first. A record waits in keyed state until the watermark passes its timestamp, then
 * all records of that timestamp are released in arrival order. A record that arrives behind the
 * watermark is late: the caller processes it at once and reports it.
 */
final class EventTimeOrder<T> {
  private final MapState<Long, List<T>> waiting;

  EventTimeOrder(RuntimeContext context, String name, Class<T> type) {
    waiting =
        context.getMapState(
            new MapStateDescriptor<>(name, Types.LONG, Types.LIST(TypeInformation.of(type))));
  }

  /**
   * Holds the record until the watermark reaches {@code timestamp}; false if it is already late.
   */
  boolean hold(T record, long timestamp, TimerService timers) throws Exception {
    if (timestamp <= timers.currentWatermark()) {
      return false;
    }
    List<T> atTimestamp = waiting.get(timestamp);
    if (atTimestamp == null) {
      atTimestamp = new ArrayList<>();
      timers.registerEventTimeTimer(timestamp);
    }
    atTimestamp.add(record);
    waiting.put(timestamp, atTimestamp);
    return true;
  }

  /** The records due at {@code timestamp}, in arrival order, removed from the buffer. */
  List<T> release(long timestamp) throws Exception {
    List<T> due = waiting.get(timestamp);
    waiting.remove(timestamp);
    return due == null ? List.of() : due;
  }
}
