package io.riskstream.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the CPU goes while a job is saturated: per thread of this JVM (the MiniCluster's task
 * threads are named after their chained operators), this whole JVM, the broker's child JVM and the
 * machine (every process, other users' included). The busiest task threads name what bounds the
 * loop; the machine's share says whether the cores themselves ran out.
 */
final class CpuSampler {
  /** Marks the groups that are Flink tasks. */
  static final String TASK = "task: ";

  /** Flink names a task thread {@code <operators> (<subtask>/<parallelism>)#<attempt>}. */
  private static final Pattern SUBTASK = Pattern.compile("\\s*\\(\\d+/\\d+\\)(#\\d+)?$");

  private static final Pattern DIGITS = Pattern.compile("(?<=[-_#])\\d+|\\d+$");

  /** Linux's USER_HZ: /proc reports process CPU in these ticks; 100 on every common platform. */
  private static final long TICKS_PER_SECOND = 100;

  private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

  /** Linux keeps a thread's name in 15 bytes. */
  private static final int NATIVE_NAME_BYTES = 15;

  private final long brokerPid;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /**
   * @param brokerPid the broker's process id, or -1
   */
  CpuSampler(long brokerPid) {
    this.brokerPid = brokerPid;
  }

  /** CPU time so far of each thread group of this JVM, this JVM, the broker and the machine. */
  Sample sample() {
    Map<String, Long> byGroup = new HashMap<>();
    // The launcher's threads keep the process's name: the one that runs main() is a Java thread.
    Set<String> javaNames = new HashSet<>(processName());
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long nanos = threads.getThreadCpuTime(ids[i]);
      if (infos[i] != null) {
        javaNames.add(nativeName(infos[i].getThreadName()));
        if (nanos > 0) {
          byGroup.merge(group(infos[i].getThreadName()), nanos, Long::sum);
        }
      }
    }
    Map<String, Long> nativeGroups = new HashMap<>();
    nativeThreadTicks(javaNames)
        .forEach(
            (name, ticks) -> nativeGroups.merge(group(name), ticks * NANOS_PER_TICK, Long::sum));
    long[] machine = machineTicks();
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new Sample(
        System.nanoTime(),
        byGroup,
        nativeGroups,
        gcMillis,
        processCpuNanos(),
        brokerPid < 0 ? -1 : processTicks(brokerPid) * NANOS_PER_TICK,
        machine[0],
        machine[1]);
  }

  /**
   * The group a thread's CPU counts towards: a Flink task without its subtask suffix (both subtasks
   * of a task together), marked {@link #TASK}; any other thread with its trailing and
   * dash-separated numbers blanked out and anything after a {@code |} dropped (all Kafka producer
   * network threads together, say).
   */
  static String group(String threadName) {
    String task = SUBTASK.matcher(threadName).replaceFirst("");
    if (!task.equals(threadName)) {
      return TASK + task;
    }
    int bar = threadName.indexOf(" | ");
    String name = bar < 0 ? threadName : threadName.substring(0, bar);
    return DIGITS.matcher(name).replaceAll("N");
  }

  /** The name Linux shows for a Java thread: the JVM hands it the first 15 bytes of the name. */
  static String nativeName(String javaName) {
    byte[] bytes = javaName.getBytes(StandardCharsets.UTF_8);
    return new String(
        Arrays.copyOf(bytes, Math.min(bytes.length, NATIVE_NAME_BYTES)), StandardCharsets.UTF_8);
  }

  /** This process's name in /proc, e.g. {@code java}; empty where there is no /proc. */
  private static Set<String> processName() {
    try {
      return Set.of(Files.readString(Path.of("/proc/self/comm")).strip());
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /**
   * user + system ticks of this process's threads that are not live Java threads (the garbage
   * collectors, the JIT's compilers, RocksDB's flushes and compactions, libtorch's pools), by their
   * names in /proc; empty where there is no /proc.
   */
  private static Map<String, Long> nativeThreadTicks(Set<String> javaNames) {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (!javaNames.contains(name)) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
          }
        } catch (IOException | RuntimeException e) {
          // The thread ended while being read.
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return ticks;
  }

  /**
   * CPU time of this JVM and from /proc, so the figures are comparable.
   *
   * @return -1 where the platform does not say
   */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** user + system ticks of a process from /proc/PID/stat; -1 where there is no /proc. */
  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: the state is
      // the first, utime the 12th and stime the 13th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {busy, total} ticks of all cores together from /proc/stat; {-1, -1} where there is none. */
  private static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] fields = lines.get(0).trim().split("\\s+"); // cpu user nice system idle iowait …
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /**
   * CPU time so far.
   *
   * @param threadNanos per thread group of this JVM's live Java threads
   * @param nativeNanos per thread group of its other threads (native, or hidden from Java such as
   *     the JIT's compilers)
   * @param gcMillis time this JVM's garbage collectors report having spent collecting
   * @param processNanos this JVM, -1 if unknown
   * @param brokerNanos the broker's JVM, -1 if unknown
   * @param machineBusyTicks all cores' non-idle ticks, -1 if unknown
   * @param machineTicks all cores' ticks
   */
  record Sample(
      long wallNanos,
      Map<String, Long> threadNanos,
      Map<String, Long> nativeNanos,
      long gcMillis,
      long processNanos,
      long brokerNanos,
      long machineBusyTicks,
      long machineTicks) {}
}
