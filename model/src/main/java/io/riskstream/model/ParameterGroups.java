package io.riskstream.model;

import java.util.List;

/** Names of the independently exchangeable parameter groups (one child block each). */
public final class ParameterGroups {
  public static final String EMBEDDINGS = "embeddings";
  public static final String GATE = "gate";
  public static final String ATTENTION = "attention";
  public static final String HEAD = "head";

  /** All groups, in the order the network applies them. */
  public static final List<String> ALL = List.of(EMBEDDINGS, GATE, ATTENTION, HEAD);

  private ParameterGroups() {}
}
