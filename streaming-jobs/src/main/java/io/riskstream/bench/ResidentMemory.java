package io.riskstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident set size, as the kernel counts it: the JVM heap, libtorch's native
 * allocations and direct buffers together, which is what an operator's memory limit sees.
 */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {}

  /**
   * @throws IllegalStateException where the kernel does not report it (not Linux)
   */
  static double megabytes() {
    if (!Files.isReadable(STATUS)) {
      throw new IllegalStateException(
          "resident memory is read from " + STATUS + ", which this system does not have");
    }
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
          return Long.parseLong(kilobytes) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(STATUS + " has no VmRSS line");
  }
}
