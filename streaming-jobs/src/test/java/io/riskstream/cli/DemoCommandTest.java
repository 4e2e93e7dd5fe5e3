package io.riskstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo's switches for Flink's Prometheus reporter (the run itself is the ITs' and a human's).
 */
class DemoCommandTest {
  @Test
  void flinksReporterRunsOnAFreePortUnlessTurnedOff() {
    DemoCommand defaults = parse();
    assertThat(defaults.noFlinkMetrics).isFalse();
    assertThat(defaults.flinkMetricsPort).isZero();

    assertThat(parse("--no-flink-metrics").noFlinkMetrics).isTrue();
    assertThat(parse("--flink-metrics-port", "9249").flinkMetricsPort).isEqualTo(9249);
  }

  private static DemoCommand parse(String... args) {
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs(args);
    return demo;
  }
}
