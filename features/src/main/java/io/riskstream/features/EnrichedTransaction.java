package io.riskstream.features;

import io.riskstream.schemas.Transaction;
import java.util.Objects;

/**
 * A transaction plus what the terminal stage knows about it, on its way to the card stage (the
 * stream is re-keyed from terminal to card in between). A Flink POJO.
 */
public class EnrichedTransaction {
  public String transactionId;
  public String cardId;
  public String terminalId;
  public double amount;
  public long eventTime;

  /** Distinct cards at the terminal in the last 24 h, this card included; a raw count. */
  public float terminalDistinctCards24h;

  public EnrichedTransaction() {}

  public static EnrichedTransaction of(Transaction t, float terminalDistinctCards24h) {
    EnrichedTransaction e = new EnrichedTransaction();
    e.transactionId = t.getTransactionId().toString();
    e.cardId = t.getCardId().toString();
    e.terminalId = t.getTerminalId().toString();
    e.amount = t.getAmount();
    e.eventTime = t.getEventTime();
    e.terminalDistinctCards24h = terminalDistinctCards24h;
    return e;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EnrichedTransaction e)) {
      return false;
    }
    return Double.compare(amount, e.amount) == 0
        && eventTime == e.eventTime
        && Float.compare(terminalDistinctCards24h, e.terminalDistinctCards24h) == 0
        && Objects.equals(transactionId, e.transactionId)
        && Objects.equals(cardId, e.cardId)
        && Objects.equals(terminalId, e.terminalId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        transactionId, cardId, terminalId, amount, eventTime, terminalDistinctCards24h);
  }

  @Override
  public String toString() {
    return "EnrichedTransaction{"
        + transactionId
        + ", card="
        + cardId
        + ", terminal="
        + terminalId
        + ", amount="
        + amount
        + ", eventTime="
        + eventTime
        + ", terminalDistinctCards24h="
        + terminalDistinctCards24h
        + '}';
  }
}
