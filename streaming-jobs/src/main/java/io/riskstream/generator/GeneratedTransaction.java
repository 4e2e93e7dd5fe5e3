package io.riskstream.generator;

import io.riskstream.schemas.Transaction;

/** One synthetic transaction with its ground truth, which the stream releases later as a label. */
public record GeneratedTransaction(Transaction transaction, boolean fraud, FraudPattern pattern) {}
