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
 * Versions at or below the newest one handed over are ignored: the topic is re-read from the
 * beginning at start-up, and a redelivered record must not roll the model back.
 */
public final class VersionAssembler {
  private final TreeMap<Long, Map<String, ModelUpdate>> pending = new TreeMap<>();
  private long newestComplete;

  public VersionAssembler(long newestComplete) {
    this.newestComplete = newestComplete;
  }

  /** Adds one group; returns all groups of its version once that version is complete and newer. */
  public Optional<List<ModelUpdate>> add(ModelUpdate update) {
    if (update.getVersion() <= newestComplete) {
      return Optional.empty();
    }
    Map<String, ModelUpdate> groups =
        pending.computeIfAbsent(update.getVersion(), v -> new HashMap<>());
    groups.put(update.getGroup(), update);
    if (groups.size() < update.getGroupsInVersion()) {
      return Optional.empty();
    }
    newestComplete = update.getVersion();
    pending.headMap(newestComplete, true).clear();
    return Optional.of(new ArrayList<>(groups.values()));
  }

  /** Versions waiting for more groups. */
  public int pendingVersions() {
    return pending.size();
  }
}
