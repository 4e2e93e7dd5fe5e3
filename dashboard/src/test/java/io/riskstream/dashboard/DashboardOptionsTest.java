package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardOptionsTest {

  @Test
  void printingTheOptionsShowsNoSecret() {
    Dashboard.Options options =
        new Dashboard.Options(
            "broker:9092",
            Map.of(
                "sasl.jaas.config",
                "PlainLoginModule required username=\"u\" password=\"kafka-secret\";",
                "security.protocol",
                "SASL_SSL"),
            "0.0.0.0",
            8080,
            "dashboard-token");

    assertThat(options.toString())
        .contains("broker:9092", "sasl.jaas.config", "security.protocol", "8080", "[hidden]")
        .doesNotContain("kafka-secret", "dashboard-token", "SASL_SSL");
    assertThat(Dashboard.Options.local("broker:9092").toString()).contains("token=none");
  }
}
