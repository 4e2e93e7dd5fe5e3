package io.riskstream.features;

import io.riskstream.schemas.Transaction;
import java.util.Arrays;
import java.util.Objects;

/**
 * A transaction on its way through the feature stages: each entity stage fills in its features
 * (raw, unscaled values in the spec's order). A Flink POJO.
 */
public class FeatureRecord {
  public String transactionId;
  public String cardId;
  public String terminalId;
  public String deviceId;
  public String ipAddress;
  public double amount;
  public long eventTime;
  public double[] values;

  /** Set by the first stage that saw this transaction behind the watermark: reported once. */
  public boolean late;

  public FeatureRecord() {}

  public static FeatureRecord of(Transaction txn, int featureCount) {
    FeatureRecord record = new FeatureRecord();
    record.transactionId = txn.getTransactionId();
    record.cardId = txn.getCardId();
    record.terminalId = txn.getTerminalId();
    record.deviceId = txn.getDeviceId();
    record.ipAddress = txn.getIpAddress();
    record.amount = txn.getAmount();
    record.eventTime = txn.getEventTime();
    record.values = new double[featureCount];
    return record;
  }

  /** The transaction this record describes, as it was on the wire (e.g. for a dead letter). */
  public Transaction transaction() {
    return Transaction.newBuilder()
        .setTransactionId(transactionId)
        .setCardId(cardId)
        .setTerminalId(terminalId)
        .setDeviceId(deviceId)
        .setIpAddress(ipAddress)
        .setAmount(amount)
        .setEventTime(eventTime)
        .build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureRecord r
        && transactionId.equals(r.transactionId)
        && eventTime == r.eventTime
        && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, eventTime, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "FeatureRecord{"
        + transactionId
        + " @"
        + eventTime
        + " "
        + Arrays.toString(values)
        + "}";
  }
}
