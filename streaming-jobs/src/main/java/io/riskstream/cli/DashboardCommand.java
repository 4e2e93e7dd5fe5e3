package io.riskstream.cli;

import io.riskstream.dashboard.Dashboard;
import io.riskstream.runtime.BrokerProbe;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code riskstream dashboard}: the live dashboard against any deployment's Kafka. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the live dashboard and the platform's Prometheus metrics (/metrics), read from the"
          + " platform's topics alone, until Ctrl-C."
    })
public final class DashboardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin DashboardOptions dashboard;

  @Override
  public Integer call() throws Exception {
    Dashboard.Options options = dashboard.forBroker(kafka.bootstrap(), kafka.clientProperties());
    if (!BrokerProbe.answers(kafka.bootstrap(), kafka.clientProperties(), Duration.ofSeconds(10))) {
      throw new IllegalArgumentException("Kafka does not answer at " + kafka.bootstrap());
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (Dashboard running = Dashboard.start(options)) {
      out.printf("dashboard: %s (Prometheus metrics: %s)%n", running.url(), running.metricsUrl());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
