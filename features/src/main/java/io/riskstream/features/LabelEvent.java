package io.riskstream.features;

/**
 * A label joined with the transaction it judges, so it can reach the stages of every entity the
 * transaction involved (a label names only the transaction). {@code fraudDelta} is +1 when the
 * transaction became fraud, -1 when a fraud verdict was reversed, 0 otherwise. A Flink POJO.
 */
public class LabelEvent {
  public String transactionId;
  public String cardId;
  public String terminalId;
  public String deviceId;
  public String ipAddress;

  /** Event time of the labelled transaction: the label counts in that transaction's buckets. */
  public long eventTime;

  public int fraudDelta;

  public LabelEvent() {}

  static LabelEvent of(FeatureRecord txn, int fraudDelta) {
    LabelEvent event = new LabelEvent();
    event.transactionId = txn.transactionId;
    event.cardId = txn.cardId;
    event.terminalId = txn.terminalId;
    event.deviceId = txn.deviceId;
    event.ipAddress = txn.ipAddress;
    event.eventTime = txn.eventTime;
    event.fraudDelta = fraudDelta;
    return event;
  }

  /** This label as seen by an entity stage: only the ids matter there. */
  FeatureRecord asRecord() {
    FeatureRecord record = new FeatureRecord();
    record.transactionId = transactionId;
    record.cardId = cardId;
    record.terminalId = terminalId;
    record.deviceId = deviceId;
    record.ipAddress = ipAddress;
    record.eventTime = eventTime;
    return record;
  }
}
