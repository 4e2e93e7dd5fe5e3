package io.riskstream.schemas;

/**
 * The rules a record must meet beyond its Avro schema: Avro cannot say "non-empty" or "finite", and
 * a record that breaks them would poison features or training downstream.
 */
public final class RecordValidation {
  private RecordValidation() {}

  /**
   * @throws InvalidRecordException naming the first rule the transaction breaks
   */
  public static Transaction requireValid(Transaction txn) {
    requireId("transactionId", txn.getTransactionId());
    requireId("cardId", txn.getCardId());
    requireId("terminalId", txn.getTerminalId());
    double amount = txn.getAmount();
    if (Double.isNaN(amount) || Double.isInfinite(amount)) {
      throw new InvalidRecordException("amount is not a finite number: " + amount);
    }
    if (amount < 0) {
      throw new InvalidRecordException("amount is negative: " + amount);
    }
    if (txn.getEventTime() <= 0) {
      throw new InvalidRecordException(
          "eventTime is not a positive epoch millis: " + txn.getEventTime());
    }
    return txn;
  }

  /**
   * @throws InvalidRecordException naming the first rule the label breaks
   */
  public static Label requireValid(Label label) {
    requireId("transactionId", label.getTransactionId());
    requireId("cardId", label.getCardId());
    if (label.getLabelTime() <= 0) {
      throw new InvalidRecordException(
          "labelTime is not a positive epoch millis: " + label.getLabelTime());
    }
    return label;
  }

  private static void requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRecordException("missing field " + field);
    }
  }
}
