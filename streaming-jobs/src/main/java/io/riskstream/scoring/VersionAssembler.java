package io.riskstream.scoring;

import io.riskstream.schemas.ModelUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the parameter groups of each model version as they arrive on model-updates and hands a
 * version over only when all of its groups are there, so a scorer never runs half of an update.
 * Versions at or below the one in use are ignored: the topic is re-read from the beginning at
 * start-up, and duplicates from an at-least-once producer are harmless.
 */
public final class VersionAssembler {
  private final TreeMap<Long, Map<String, ModelUpdate>> pending = new TreeMap<>();
  private long applied;

  public VersionAssembler(long appliedVersion) {
    this.applied = appliedVersion;
  }

  /** Adds one group; returns the groups of a version that is now complete and newer. */
  public Optional<List<ModelUpdate>> add(ModelUpdate update) {
    if (update.getVersion() <= applied) {
      return Optional.empty();
    }
    Map<String, ModelUpdate> groups =
        pending.computeIfAbsent(update.getVersion(), v -> new HashMap<>());
    groups.put(update.getGroup(), update);
    if (groups.size() < update.getGroupsInVersion()) {
      return Optional.empty();
    }
    applied = update.getVersion();
    pending.headMap(applied, true).clear();
    return Optional.of(new ArrayList<>(groups.values()));
  }

  public long appliedVersion() {
    return applied;
  }
}
