package io.riskstream.training;

import java.io.Serializable;
import java.time.Instant;

/** Event times {@code [from, until)} in epoch milliseconds. */
public record TimeWindow(long from, long until) implements Serializable {

  public TimeWindow {
    if (until <= from) {
      throw new IllegalArgumentException(
          "a time window must end after it starts: "
              + Instant.ofEpochMilli(from)
              + " to "
              + Instant.ofEpochMilli(until));
    }
  }

  public boolean contains(long eventTime) {
    return eventTime >= from && eventTime < until;
  }

  @Override
  public String toString() {
    return from == Long.MIN_VALUE
        ? "before " + Instant.ofEpochMilli(until)
        : Instant.ofEpochMilli(from) + " to " + Instant.ofEpochMilli(until);
  }
}
