package io.riskstream.scoring;

import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ModelUpdateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the records of each model version as they arrive on model-updates and hands a version
 * over only when all of its records are there, so a scorer never runs half of an update.
 *
 * <p>A version carries only the groups it changed, so it comes with the newest records of the other
 * groups that this scorer has not applied yet: after compaction, or for a scorer that starts late,
 * those are records of versions that can no longer complete, yet they hold the current weights of
 * their groups. Versions at or below the newest one handed over are not assembled again: the topic
 * is re-read from the beginning at start-up, and a redelivered record must not roll the model back.
 */
public final class VersionAssembler {
  /** Full payloads before the deltas that build on them, each kind in version order. */
  static final Comparator<ModelUpdate> APPLY_ORDER =
      Comparator.comparing(ModelUpdateKey::isDelta).thenComparingLong(ModelUpdate::getVersion);

  private final TreeMap<Long, Map<String, ModelUpdate>> pending = new TreeMap<>();
  private final Map<String, ModelUpdate> newestByKey = new HashMap<>();
  private final Map<String, Long> appliedByKey = new HashMap<>();
  private final long startVersion;
  private long newestComplete;

  /**
   * @param startVersion the version the scorer holds in full already (its starting or restored
   *     model): records up to it are never handed over
   */
  public VersionAssembler(long startVersion) {
    this.startVersion = startVersion;
    this.newestComplete = startVersion;
  }

  /**
   * Adds one record; once its version is complete and newer, returns that version's records and the
   * other groups' newest unapplied ones, full payloads first.
   */
  public Optional<List<ModelUpdate>> add(ModelUpdate update) {
    String key = ModelUpdateKey.of(update);
    ModelUpdate seen = newestByKey.get(key);
    if (seen == null || seen.getVersion() < update.getVersion()) {
      newestByKey.put(key, update);
    }
    if (update.getVersion() <= newestComplete) {
      return Optional.empty();
    }
    Map<String, ModelUpdate> records =
        pending.computeIfAbsent(update.getVersion(), v -> new HashMap<>());
    records.put(key, update);
    if (records.size() < update.getGroupsInVersion()) {
      return Optional.empty();
    }
    newestComplete = update.getVersion();
    pending.headMap(newestComplete, true).clear();
    List<ModelUpdate> swap = new ArrayList<>();
    for (Map.Entry<String, ModelUpdate> newest : newestByKey.entrySet()) {
      long version = newest.getValue().getVersion();
      if (version > startVersion
          && version <= newestComplete
          && version > appliedByKey.getOrDefault(newest.getKey(), Long.MIN_VALUE)) {
        swap.add(newest.getValue());
      }
    }
    swap.sort(APPLY_ORDER);
    return Optional.of(swap);
  }

  /** Notes records the scorer has swapped in, so they are not handed over again. */
  public void applied(List<ModelUpdate> records) {
    for (ModelUpdate record : records) {
      appliedByKey.merge(ModelUpdateKey.of(record), record.getVersion(), Math::max);
    }
  }

  /** Versions waiting for more records. */
  public int pendingVersions() {
    return pending.size();
  }
}
