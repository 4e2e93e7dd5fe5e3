package io.riskstream.schemas;

final class LabelFixtures {
  private LabelFixtures() {}

  static Label label() {
    return Label.newBuilder()
        .setTransactionId("tx-1")
        .setCardId("c-1")
        .setFraud(true)
        .setLabelTime(1_700_000_100_000L)
        .build();
  }
}
