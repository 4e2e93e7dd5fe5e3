package io.riskstream.schemas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules a record must meet beyond its Avro schema: Avro cannot say "non-empty", "finite",
 * "short" or "not in the future", and a record that breaks them would poison features, state or
 * training downstream. Each rule throws {@link InvalidRecordException} with a one-line reason that
 * names the problem; the record then goes to the dead letters.
 */
public final class RecordValidation {
  /**
   * The longest id (transaction, card, terminal, device, IP, label source) accepted. Real ids are
   * UUIDs or tokens of a few dozen characters; every id becomes a state key, a Kafka key and part
   * of every score and feature snapshot, so a 100 KB id would bloat state and could make a score
   * too large for its topic, failing the scoring job's sink.
   */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * The largest amount accepted, in the card's currency. The schema names no currency, so the limit
   * must hold for the most finely divided one in use: 1e9 dong is about 40,000 USD. Beyond it no
   * card payment is plausible, and window sums of squares of amounts near 1e154 overflow to
   * Infinity and then NaN, blinding an entity's features for a whole window.
   */
  public static final double MAX_AMOUNT = 1e9;

  /**
   * The earliest event or label time accepted. Card data does not go back further, and a time
   * before it is almost always a producer that sent seconds (1.7e9: January 1970) or a default.
   */
  public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * How far ahead of the platform's clock an event or label time may be: producers' clocks drift by
   * seconds under NTP. A time further ahead would advance the event-time watermark (every later
   * record would be late) and, in an entity's time buckets, evict its whole history; replayed
   * history is never ahead of the clock, so the rule holds for replays too.
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

  private RecordValidation() {}

  /**
   * @throws InvalidRecordException naming the first rule the transaction breaks
   */
  public static Transaction requireValid(Transaction txn) {
    return requireValid(txn, Clock.systemUTC());
  }

  /** {@link #requireValid(Transaction)} against {@code clock}. */
  public static Transaction requireValid(Transaction txn, Clock clock) {
    requireId("transactionId", txn.getTransactionId());
    requireId("cardId", txn.getCardId());
    requireId("terminalId", txn.getTerminalId());
    requireOptionalId("deviceId", txn.getDeviceId());
    requireOptionalId("ipAddress", txn.getIpAddress());
    double amount = txn.getAmount();
    if (Double.isNaN(amount) || Double.isInfinite(amount)) {
      throw new InvalidRecordException("amount is not a finite number: " + amount);
    }
    if (amount < 0) {
      throw new InvalidRecordException("amount is negative: " + amount);
    }
    if (amount > MAX_AMOUNT) {
      throw new InvalidRecordException(
          "amount " + amount + " is over the limit of " + MAX_AMOUNT + " for any card payment");
    }
    requireTime("eventTime", txn.getEventTime(), clock);
    return txn;
  }

  /**
   * @throws InvalidRecordException naming the first rule the label breaks
   */
  public static Label requireValid(Label label) {
    return requireValid(label, Clock.systemUTC());
  }

  /** {@link #requireValid(Label)} against {@code clock}. */
  public static Label requireValid(Label label, Clock clock) {
    requireId("transactionId", label.getTransactionId());
    requireId("cardId", label.getCardId());
    requireOptionalId("source", label.getSource());
    requireTime("labelTime", label.getLabelTime(), clock);
    return label;
  }

  private static void requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRecordException("missing field " + field);
    }
    requireOptionalId(field, value);
  }

  private static void requireOptionalId(String field, String value) {
    if (value != null && value.length() > MAX_ID_LENGTH) {
      throw new InvalidRecordException(
          field
              + " is "
              + value.length()
              + " characters long, over the limit of "
              + MAX_ID_LENGTH
              + " for an id");
    }
  }

  private static void requireTime(String field, long millis, Clock clock) {
    if (millis <= 0) {
      throw new InvalidRecordException(field + " is not a positive epoch millis: " + millis);
    }
    if (millis < EARLIEST_TIME.toEpochMilli()) {
      throw new InvalidRecordException(
          field
              + " "
              + millis
              + " ("
              + Instant.ofEpochMilli(millis)
              + ") is before "
              + EARLIEST_TIME
              + ": not epoch milliseconds (seconds?)");
    }
    long ahead = millis - clock.millis();
    if (ahead > MAX_CLOCK_SKEW.toMillis()) {
      throw new InvalidRecordException(
          field
              + " "
              + millis
              + " is "
              + describe(Duration.ofMillis(ahead))
              + " ahead of the processing clock; at most "
              + describe(MAX_CLOCK_SKEW)
              + " of clock skew is allowed");
    }
  }

  /** A short human reading of a duration, e.g. {@code 2914567 days} or {@code 90 s}. */
  static String describe(Duration duration) {
    if (duration.toDays() >= 2) {
      return duration.toDays() + " days";
    }
    if (duration.toMinutes() >= 2) {
      return duration.toMinutes() + " min";
    }
    return duration.toSeconds() + " s";
  }
}
