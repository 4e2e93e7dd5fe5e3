package io.riskstream.evaluation;

/**
 * One transaction as the metrics see it: its card, its event time, whether it was fraud, and the
 * score one model gave it before its label was known.
 */
public record Scored(String cardId, long eventTime, boolean fraud, double score) {}
