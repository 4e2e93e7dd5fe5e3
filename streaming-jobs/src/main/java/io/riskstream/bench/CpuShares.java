package io.riskstream.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU used between two {@link CpuSampler.Sample}s, in cores (1.0 = one core busy throughout).
 *
 * @param seconds wall time between the samples
 * @param machineBusy share of all the machine's cores that were busy (0..1), other users' processes
 *     included; NaN if unknown
 * @param gc share of the time this JVM's garbage collectors spent collecting
 * @param process this JVM (the MiniCluster, the bench's producer and consumer); NaN if unknown
 * @param broker the broker's JVM; NaN if unknown
 * @param groups this JVM's Java thread groups, busiest first
 * @param nativeGroups its other threads' groups (garbage collectors, JIT compilers, RocksDB's
 *     background threads), busiest first; empty where /proc does not say
 */
record CpuShares(
    double seconds,
    double machineBusy,
    double gc,
    double process,
    double broker,
    List<Group> groups,
    List<Group> nativeGroups) {

  /** A thread group and the cores it used. */
  record Group(String name, double cores) {}

  static CpuShares between(CpuSampler.Sample a, CpuSampler.Sample b) {
    double seconds = (b.wallNanos() - a.wallNanos()) / 1e9;
    double machine =
        a.machineTicks() < 0 || b.machineTicks() <= a.machineTicks()
            ? Double.NaN
            : (b.machineBusyTicks() - a.machineBusyTicks())
                / (double) (b.machineTicks() - a.machineTicks());
    return new CpuShares(
        seconds,
        machine,
        (b.gcMillis() - a.gcMillis()) / 1e3 / seconds,
        cores(a.processNanos(), b.processNanos(), seconds),
        cores(a.brokerNanos(), b.brokerNanos(), seconds),
        used(a.threadNanos(), b.threadNanos(), seconds),
        used(a.nativeNanos(), b.nativeNanos(), seconds));
  }

  private static List<Group> used(Map<String, Long> a, Map<String, Long> b, double seconds) {
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, Long> entry : b.entrySet()) {
      // A thread that started in between counts in full; one that ended is not seen.
      long used = entry.getValue() - a.getOrDefault(entry.getKey(), 0L);
      if (used > 0) {
        groups.add(new Group(entry.getKey(), used / 1e9 / seconds));
      }
    }
    groups.sort(Comparator.comparingDouble(Group::cores).reversed());
    return List.copyOf(groups);
  }

  private static double cores(long before, long after, double seconds) {
    return before < 0 || after < 0 ? Double.NaN : (after - before) / 1e9 / seconds;
  }

  /** The Flink task that used the most CPU, or null if no task ran. */
  Group busiestTask() {
    return groups.stream()
        .filter(g -> g.name().startsWith(CpuSampler.TASK))
        .findFirst()
        .orElse(null);
  }

  /**
   * Lines for the report: the machine, the two JVMs, the {@code top} busiest Java thread groups and
   * the busiest of the others.
   */
  List<String> lines(int top) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  CPU over %.0f s: machine %.0f%% busy of %d cores (other users included) | this JVM"
                + " %.2f cores | broker %.2f cores",
            seconds,
            machineBusy * 100,
            Runtime.getRuntime().availableProcessors(),
            process,
            broker));
    double threads = groups.stream().mapToDouble(Group::cores).sum();
    lines.add(
        String.format(
            Locale.ROOT,
            "    %5.2f cores  this JVM outside its Java threads; the collectors report collecting"
                + " %.0f%% of the time; the busiest of those threads:",
            process - threads,
            gc * 100));
    for (Group group : nativeGroups.subList(0, Math.min(4, nativeGroups.size()))) {
      lines.add(
          String.format(Locale.ROOT, "          %5.2f cores  %s", group.cores(), group.name()));
    }
    for (Group group : groups.subList(0, Math.min(top, groups.size()))) {
      String name =
          group.name().length() > 90 ? group.name().substring(0, 87) + "..." : group.name();
      lines.add(String.format(Locale.ROOT, "    %5.2f cores  %s", group.cores(), name));
    }
    return lines;
  }
}
