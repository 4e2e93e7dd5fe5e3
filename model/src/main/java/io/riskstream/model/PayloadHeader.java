package io.riskstream.model;

/** Who a weight payload belongs to: the model id, version and parameter group it was taken from. */
public record PayloadHeader(String modelId, long version, String group) {}
