package io.riskstream.model;

import java.nio.charset.StandardCharsets;

/**
 * Stable hashes of categorical ids (terminal, device, IP) for the model's hashed embedding table.
 * Stable across JVMs and versions, unlike {@code String.hashCode}'s contract, because the hash
 * decides which embedding row a weight update touches.
 */
public final class CategoryIds {

  /** The hash of an absent id. */
  public static final int MISSING = 0;

  private CategoryIds() {}

  /** 32-bit FNV-1a over the UTF-8 bytes, finished with a murmur3 mix; null or empty → MISSING. */
  public static int hash(String id) {
    if (id == null || id.isEmpty()) {
      return MISSING;
    }
    int h = 0x811c9dc5;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h == MISSING ? 1 : h;
  }

  /** Hashes of several ids, in slot order. */
  public static int[] of(String... ids) {
    int[] hashes = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      hashes[i] = hash(ids[i]);
    }
    return hashes;
  }
}
