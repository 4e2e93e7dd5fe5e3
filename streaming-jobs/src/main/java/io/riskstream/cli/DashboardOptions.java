package io.riskstream.cli;

import io.riskstream.dashboard.Dashboard;
import io.riskstream.kafka.KafkaProperties;
import picocli.CommandLine.Option;

/** Where the live dashboard listens and who may read it (a picocli mixin). */
public final class DashboardOptions {
  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address the dashboard listens on (default: ${DEFAULT-VALUE}, this machine only;"
              + " 0.0.0.0 for every interface).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "PORT",
      description =
          "Dashboard port; 0 picks a free one, printed at start (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--token",
      defaultValue = "${env:RISKSTREAM_DASHBOARD_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Require this token on every data request (?token=... or Authorization: Bearer);"
              + " default: $RISKSTREAM_DASHBOARD_TOKEN, else none.")
  String token;

  Dashboard.Options forBroker(String bootstrapServers) {
    return forBroker(bootstrapServers, KafkaProperties.none());
  }

  Dashboard.Options forBroker(String bootstrapServers, KafkaProperties client) {
    return new Dashboard.Options(bootstrapServers, client.asMap(), bind, port, token);
  }
}
