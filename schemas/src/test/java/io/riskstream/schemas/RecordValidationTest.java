package io.riskstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

  @Test
  void acceptsAGoodTransaction() {
    assertThat(RecordValidation.requireValid(AvroCodecTest.txn())).isNotNull();
  }

  @Test
  void rejectsNonFiniteAndNegativeAmounts() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1.0}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setAmount(bad);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessageContaining("amount");
    }
  }

  @Test
  void rejectsMissingIds() {
    Transaction txn = AvroCodecTest.txn();
    txn.setCardId("");
    assertThatThrownBy(() -> RecordValidation.requireValid(txn)).hasMessage("missing field cardId");
  }

  @Test
  void rejectsALabelWithoutTime() {
    Label label = LabelFixtures.label();
    label.setLabelTime(0);
    assertThatThrownBy(() -> RecordValidation.requireValid(label))
        .hasMessageContaining("labelTime");
  }

  /** The fixtures' records happen around 2023-11-14; the platform's clock reads a little later. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(1_700_000_200_000L), ZoneOffset.UTC);

  @Test
  void rejectsAmountsBeyondAnyCardPaymentButAcceptsZeroAndNegativeZero() {
    for (double bad : new double[] {1e308, Double.MAX_VALUE, 1.000001e9}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setAmount(bad);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn, CLOCK))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessageStartingWith("amount ")
          .hasMessageContaining("over the limit");
    }
    for (double ok : new double[] {0.0, -0.0, 1e9, 0.01}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setAmount(ok);
      assertThat(RecordValidation.requireValid(txn, CLOCK)).isSameAs(txn);
    }
  }

  @Test
  void rejectsHugeIdsInEveryIdField() {
    String huge = "x".repeat(100_000);
    String justRight = "y".repeat(RecordValidation.MAX_ID_LENGTH);
    Transaction ok = AvroCodecTest.txn();
    ok.setTransactionId(justRight);
    ok.setDeviceId(justRight);
    assertThat(RecordValidation.requireValid(ok, CLOCK)).isSameAs(ok);
    for (String field :
        new String[] {"transactionId", "cardId", "terminalId", "deviceId", "ipAddress"}) {
      Transaction txn = AvroCodecTest.txn();
      txn.put(field, huge);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn, CLOCK))
          .hasMessage(field + " is 100000 characters long, over the limit of 128 for an id");
    }
    for (String field : new String[] {"transactionId", "cardId", "source"}) {
      Label label = LabelFixtures.label();
      label.put(field, huge);
      assertThatThrownBy(() -> RecordValidation.requireValid(label, CLOCK))
          .hasMessageStartingWith(field + " is 100000 characters long");
    }
  }

  @Test
  void rejectsEventTimesFarInTheFuture() {
    long now = CLOCK.millis();
    long year9999 = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();
    for (long bad : new long[] {year9999, Long.MAX_VALUE, now + Duration.ofDays(1).toMillis()}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setEventTime(bad);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn, CLOCK))
          .hasMessageStartingWith("eventTime " + bad + " is ")
          .hasMessageContaining("ahead of the processing clock");
    }
    Label label = LabelFixtures.label();
    label.setLabelTime(year9999);
    assertThatThrownBy(() -> RecordValidation.requireValid(label, CLOCK))
        .hasMessageContaining("labelTime " + year9999 + " is ")
        .hasMessageContaining("ahead of the processing clock");
  }

  @Test
  void allowsAMinuteOfClockSkew() {
    Transaction txn = AvroCodecTest.txn();
    txn.setEventTime(CLOCK.millis() + Duration.ofMinutes(1).toMillis());
    assertThat(RecordValidation.requireValid(txn, CLOCK)).isSameAs(txn);
    txn.setEventTime(CLOCK.millis() + Duration.ofMinutes(1).toMillis() + 1);
    assertThatThrownBy(() -> RecordValidation.requireValid(txn, CLOCK))
        .hasMessageContaining("60 s ahead of the processing clock");
  }

  @Test
  void acceptsHistoryForReplaysButNotTimesBefore2000() {
    Transaction replayed = AvroCodecTest.txn();
    replayed.setEventTime(Instant.parse("2018-04-01T00:00:00Z").toEpochMilli());
    assertThat(RecordValidation.requireValid(replayed, CLOCK)).isSameAs(replayed);
    long seconds = 1_700_000_000L; // a producer that sent epoch seconds
    for (long bad :
        new long[] {seconds, 1L, Instant.parse("1999-12-31T23:59:59Z").toEpochMilli()}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setEventTime(bad);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn, CLOCK))
          .hasMessageContaining("is before 2000-01-01T00:00:00Z");
    }
    Transaction before1970 = AvroCodecTest.txn();
    before1970.setEventTime(Instant.parse("1900-01-01T00:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> RecordValidation.requireValid(before1970, CLOCK))
        .hasMessageContaining("not a positive epoch millis");
  }
}
