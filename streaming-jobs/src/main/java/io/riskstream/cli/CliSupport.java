package io.riskstream.cli;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/** Argument checks and chores several commands share. */
final class CliSupport {
  /** How long a shutdown hook keeps trying to delete a temporary directory. */
  private static final Duration CLEANUP_PATIENCE = Duration.ofSeconds(90);

  private CliSupport() {}

  /** Prints {@code riskstream <command>: <message>} as one line on stderr; returns exit code 2. */
  static int usageError(CommandSpec spec, String command, String message) {
    spec.commandLine().getErr().println("riskstream " + command + ": " + message);
    spec.commandLine().getErr().flush();
    return 2;
  }

  /** The spec named by {@code --spec}. */
  static FeatureSpec featureSpec(String name) {
    return switch (name) {
      case "default" -> FeatureSpecs.DEFAULT;
      case "handbook" -> FeatureSpecs.HANDBOOK;
      default ->
          throw new IllegalArgumentException("--spec must be default or handbook, was " + name);
    };
  }

  static void requireReadable(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file);
    }
  }

  /** Epoch milliseconds of the start of a UTC date. */
  static long startOf(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Work that needs a scratch directory. */
  interface Scratch<T> {
    T run(Path dir) throws Exception;
  }

  /**
   * Runs {@code work} in a new temporary directory and deletes the directory afterwards, also when
   * the JVM is stopped meanwhile (Ctrl-C, SIGTERM): a shutdown hook deletes it then.
   */
  static <T> T inTempDir(String prefix, Scratch<T> work) throws Exception {
    Path dir = Files.createTempDirectory(prefix);
    Thread cleanup = new Thread(() -> deleteAtShutdown(dir), "riskstream-temp-dir-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      deleteRecursively(dir);
      throw shuttingDown;
    }
    try {
      return work.run(dir);
    } finally {
      if (removed(cleanup)) {
        deleteRecursively(dir);
      }
    }
  }

  /** Whether the hook was taken back; false while the JVM shuts down, when the hook deletes. */
  private static boolean removed(Thread hook) {
    try {
      return Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  /**
   * The shutdown hook's part. Hooks run concurrently, so a broker writing under {@code dir} may run
   * until its own hook stops it (EmbeddedKafka gives its owner a minute to, then stops it), and
   * anything it writes meanwhile fails a deletion; so deletion is tried again until then.
   */
  private static void deleteAtShutdown(Path dir) {
    long deadline = System.nanoTime() + CLEANUP_PATIENCE.toNanos();
    while (true) {
      try {
        deleteRecursively(dir);
        return;
      } catch (IOException | UncheckedIOException e) {
        if (!Files.exists(dir)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          System.err.println("riskstream: could not remove " + dir + ": " + e);
          return;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Runs {@code work} in a temporary directory and prints the summary line it returns as the
   * command's last line.
   *
   * @return the exit code, 0
   */
  static int printSummary(PrintWriter out, String prefix, Scratch<String> work) throws Exception {
    out.println(inTempDir(prefix, work));
    out.flush();
    return 0;
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
