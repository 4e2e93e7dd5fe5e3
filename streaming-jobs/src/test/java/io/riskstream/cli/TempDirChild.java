package io.riskstream.cli;

import java.nio.file.Files;

/**
 * A JVM that waits inside {@link CliSupport#inTempDir} until it is stopped, with a file two levels
 * down in its directory; prints the directory first. {@link CliSupportTest} stops it.
 */
public final class TempDirChild {
  private TempDirChild() {}

  public static void main(String[] args) throws Exception {
    CliSupport.inTempDir(
        "riskstream-test-",
        dir -> {
          Files.writeString(Files.createDirectories(dir.resolve("kafka/logs")).resolve("x"), "x");
          System.out.println(dir);
          System.out.flush();
          Thread.sleep(Long.MAX_VALUE);
          return null;
        });
  }
}
