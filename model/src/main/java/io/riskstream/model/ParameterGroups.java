package io.riskstream.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of the independently exchangeable parameter groups (one child block each): {@code
 * embeddings}, {@code gate} (history gate and expert router), {@code attention}, {@code
 * experts/<i>} and {@code head}.
 */
public final class ParameterGroups {
  public static final String EMBEDDINGS = "embeddings";
  public static final String GATE = "gate";
  public static final String ATTENTION = "attention";
  public static final String HEAD = "head";

  /** Names every expert group at once in a list of trainable groups. */
  public static final String EXPERTS = "experts";

  private static final String EXPERT_PREFIX = EXPERTS + "/";

  private ParameterGroups() {}

  public static String expert(int index) {
    return EXPERT_PREFIX + index;
  }

  /** True for {@code experts/<i>} names. */
  public static boolean isExpert(String group) {
    return group.startsWith(EXPERT_PREFIX);
  }

  /** All groups of a model of this config, in the order the network applies them. */
  public static List<String> of(ModelConfig config) {
    List<String> groups = new ArrayList<>(List.of(EMBEDDINGS, GATE, ATTENTION));
    for (int i = 0; i < config.experts(); i++) {
      groups.add(expert(i));
    }
    groups.add(HEAD);
    return List.copyOf(groups);
  }

  /**
   * Resolves a list of group names, where {@code experts} stands for every expert group.
   *
   * @throws IllegalArgumentException naming the first unknown group
   */
  public static List<String> resolve(ModelConfig config, Collection<String> names) {
    List<String> known = of(config);
    Set<String> resolved = new LinkedHashSet<>();
    for (String name : names) {
      if (EXPERTS.equals(name)) {
        known.stream().filter(ParameterGroups::isExpert).forEach(resolved::add);
      } else if (name != null && known.contains(name)) {
        resolved.add(name);
      } else {
        throw new IllegalArgumentException(
            "unknown parameter group '" + name + "', expected one of " + known + " or experts");
      }
    }
    return List.copyOf(resolved);
  }
}
