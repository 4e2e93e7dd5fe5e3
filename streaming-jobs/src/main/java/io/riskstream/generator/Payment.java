package io.riskstream.generator;

/**
 * A transaction before it gets its id and event time: cards and terminals by index into the {@link
 * Population}, so that patterns can compare them with a card's habits cheaply.
 */
record Payment(
    int card, int terminal, String device, String ip, double amount, FraudPattern pattern) {

  Payment asFraud(FraudPattern fraudPattern, double fraudAmount) {
    return new Payment(card, terminal, device, ip, fraudAmount, fraudPattern);
  }
}
