package io.riskstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CliSupportTest {

  @Test
  void theTempDirIsGoneAfterTheWorkAlsoWhenItFails() throws Exception {
    AtomicReference<Path> used = new AtomicReference<>();

    String result =
        CliSupport.inTempDir(
            "riskstream-test-",
            dir -> {
              used.set(dir);
              Files.writeString(Files.createDirectories(dir.resolve("a/b")).resolve("c"), "c");
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(used.get()).doesNotExist();

    assertThatThrownBy(
            () ->
                CliSupport.inTempDir(
                    "riskstream-test-",
                    dir -> {
                      used.set(dir);
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(used.get()).doesNotExist();
  }

  /** As Ctrl-C stops {@code riskstream evaluate}: SIGINT to a JVM inside {@code inTempDir}. */
  @Test
  @Timeout(180)
  void ctrlCDeletesTheTempDir() throws Exception {
    Process child =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TempDirChild.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the child's temp dir").isNotNull();
      Path dir = Paths.get(line);
      assertThat(dir.resolve("kafka/logs/x")).exists();

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
      assertThat(kill.waitFor()).isZero();

      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(dir).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }
}
