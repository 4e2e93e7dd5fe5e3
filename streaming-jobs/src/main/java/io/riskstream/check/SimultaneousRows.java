package io.riskstream.check;

import io.riskstream.features.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a group of one card's transactions at the same second, whose order the reference does not
 * define (pandas' default sort is not stable). Only the card windows depend on that order: a row
 * sees the group's rows processed before it. Every window ending at that second holds the whole
 * group, so from the computed values of the row that saw all of them, each row's card features
 * under any order follow exactly: count minus the rows after it, sum minus their amounts. The group
 * matches when some order reproduces every reference row.
 */
final class SimultaneousRows {
  private static final int MAX_GROUP = 6;

  private final FeatureComparison comparison;
  private final int amount;
  private final List<int[]> countMeanPairs = new ArrayList<>();

  SimultaneousRows(FeatureSpec spec) {

    this.comparison = new FeatureComparison(spec);
    this.amount = spec.indexOf("amount");
    for (String name : spec.names()) {
      if (name.startsWith("card_count_")) {
        String window = name.substring("card_count_".length());
        countMeanPairs.add(new int[] {spec.indexOf(name), spec.indexOf("card_mean_" + window)});
      }
    }
  }

  /** Whether some processing order of the group reproduces the reference rows. */
  boolean matchSomeOrder(List<double[]> expected, List<double[]> computed) {
    if (computed.stream().anyMatch(Objects::isNull) || expected.size() > MAX_GROUP) {
      return false;
    }
    double[] sawAll = computed.get(0);
    for (double[] row : computed) {
      if (row[countMeanPairs.get(0)[0]] > sawAll[countMeanPairs.get(0)[0]]) {
        sawAll = row;
      }
    }
    for (List<Integer> order : permutations(expected.size())) {
      if (reproduces(order, expected, computed, sawAll)) {
        return true;
      }
    }
    return false;
  }

  private boolean reproduces(
      List<Integer> order, List<double[]> expected, List<double[]> computed, double[] sawAll) {
    for (int position = 0; position < order.size(); position++) {
      int row = order.get(position);
      double[] derived = computed.get(row).clone();
      int later = order.size() - 1 - position;
      double laterAmounts = 0;
      for (int after = position + 1; after < order.size(); after++) {
        laterAmounts += computed.get(order.get(after))[amount];
      }
      for (int[] pair : countMeanPairs) {
        double count = sawAll[pair[0]] - later;
        double sum = sawAll[pair[0]] * sawAll[pair[1]] - laterAmounts;
        derived[pair[0]] = count;
        derived[pair[1]] = count == 0 ? 0 : sum / count;
      }
      if (!comparison.differences(expected.get(row), derived).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static List<List<Integer>> permutations(int n) {
    List<List<Integer>> all = new ArrayList<>();
    permute(new ArrayList<>(), new boolean[n], all);
    return all;
  }

  private static void permute(List<Integer> prefix, boolean[] used, List<List<Integer>> all) {
    if (prefix.size() == used.length) {
      all.add(new ArrayList<>(prefix));
      return;
    }
    for (int i = 0; i < used.length; i++) {
      if (!used[i]) {
        used[i] = true;
        prefix.add(i);
        permute(prefix, used, all);
        prefix.remove(prefix.size() - 1);
        used[i] = false;
      }
    }
  }
}
