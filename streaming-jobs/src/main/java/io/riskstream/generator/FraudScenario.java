package io.riskstream.generator;

/**
 * One fraud pattern's behaviour. The stream calls {@link #step} once per transaction, so that
 * episodes start with a fixed chance per transaction (the fraud rate then does not depend on the
 * caller's rate); an episode either plans its transactions on the {@link Agenda} or, like a
 * compromised terminal, turns genuine traffic into fraud through {@link #alter}.
 */
interface FraudScenario {
  /** May start or end episodes; called once per generated transaction before it is drawn. */
  void step(long sequence, long nowMillis);

  /** The genuine payment, or what this pattern makes of it. */
  default Payment alter(Payment genuine) {
    return genuine;
  }
}
