package io.riskstream.generator;

/** Why a synthetic transaction is fraud, so tests and reports can tell the patterns apart. */
public enum FraudPattern {
  /** Legitimate. */
  NONE,
  /** A burst of high amounts at terminals the card does not normally use. */
  COMPROMISED_CARD,
  /** Any transaction at a terminal while it is compromised, with an elevated amount. */
  COMPROMISED_TERMINAL
}
