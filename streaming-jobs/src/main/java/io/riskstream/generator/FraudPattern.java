package io.riskstream.generator;

/** Why a synthetic transaction is fraud, so tests and reports can tell the patterns apart. */
public enum FraudPattern {
  /** Legitimate. */
  NONE,
  /** A burst of high amounts at terminals the card does not normally use. */
  COMPROMISED_CARD,
  /** Any transaction at a terminal while it is compromised, with an elevated amount. */
  COMPROMISED_TERMINAL,
  /** A quick burst of tiny amounts on one card from a new device: a stolen number being tried. */
  CARD_TESTING,
  /** A card suddenly used from a device and IP it never used before, with high amounts. */
  ACCOUNT_TAKEOVER,
  /** A few fraudster devices and IPs shared by several compromised cards over a period. */
  FRAUD_RING
}
