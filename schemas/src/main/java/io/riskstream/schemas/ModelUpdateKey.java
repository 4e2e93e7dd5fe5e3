package io.riskstream.schemas;

/**
 * The record key of a {@link ModelUpdate} on the compacted model-updates topic: the group for a
 * full payload, {@code <group>/delta} for a row delta. Compaction then keeps, per group, the newest
 * full payload and the newest delta on top of it: together, the group's current weights.
 */
public final class ModelUpdateKey {
  private ModelUpdateKey() {}

  public static String of(ModelUpdate update) {
    return isDelta(update) ? update.getGroup() + "/delta" : update.getGroup();
  }

  public static boolean isDelta(ModelUpdate update) {
    return update.getBaseVersion() != null;
  }
}
