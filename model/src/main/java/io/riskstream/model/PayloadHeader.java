package io.riskstream.model;

/**
 * Who a weight payload belongs to: the model id, version and parameter group it was taken from, and
 * whether it is complete or a row delta.
 *
 * @param delta true for a row delta: the group's dense parameters in full but only some rows of its
 *     embedding table, meaningful only on top of the full payload of version {@code baseVersion}
 * @param baseVersion the version a delta applies on top of; {@link #NO_BASE} for a full payload
 */
public record PayloadHeader(
    String modelId, long version, String group, boolean delta, long baseVersion) {

  /** The base version of a full payload, which needs none. */
  public static final long NO_BASE = -1;

  public PayloadHeader {
    if (!delta && baseVersion != NO_BASE) {
      throw new IllegalArgumentException("a full payload has no base version, got " + baseVersion);
    }
  }

  /** The header of a full payload. */
  public PayloadHeader(String modelId, long version, String group) {
    this(modelId, version, group, false, NO_BASE);
  }

  /** The header of a row delta on top of the full payload of {@code baseVersion}. */
  public static PayloadHeader delta(String modelId, long version, String group, long baseVersion) {
    return new PayloadHeader(modelId, version, group, true, baseVersion);
  }
}
