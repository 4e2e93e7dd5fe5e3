package io.riskstream.model;

/** How the current event attends over the card's history. */
public enum AttentionMode {
  /**
   * Hybrid sparse attention: a dense window over the newest {@code localWindow} events plus the
   * {@code topK} older events a gating network picks. The gate reads raw features, so the cost of
   * the expensive part (embedding, keys, values) does not grow with the history length.
   */
  SPARSE,
  /** Every history event is embedded and attended over; no gate. The reference for SPARSE. */
  DENSE
}
