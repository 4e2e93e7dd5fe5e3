package io.riskstream.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionTableTest {

  @Test
  void listsEveryEventAndEndsWithTheSummary() {
    List<String> lines =
        VersionTable.lines(
            List.of(
                event(1, 0, ModelEventKind.PUBLISHED, Map.of("loss", 0.25)),
                event(
                    2,
                    1,
                    ModelEventKind.GATE_REJECTED,
                    Map.of("holdout_ap_before", 0.5, "holdout_ap", 0.3)),
                event(2, 1, ModelEventKind.PUBLISHED, Map.of()),
                event(3, 1, ModelEventKind.ROLLED_BACK, Map.of())));

    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("version").contains("ap_prev").endsWith("reason");
    assertThat(lines.get(1))
        .contains("PUBLISHED")
        .contains("0.2500")
        .contains("1970-01-01T00:00:01Z");
    assertThat(lines.get(2)).contains("GATE_REJECTED").contains("0.5000").contains("0.3000");
    assertThat(lines.get(5))
        .isEqualTo("published=2 rejected=1 rollbacks=1 drifts=0 newest_version=3");
  }

  @Test
  void anEmptyHistoryHasNoNewestVersion() {
    assertThat(VersionTable.lines(List.of()))
        .last()
        .isEqualTo("published=0 rejected=0 rollbacks=0 drifts=0 newest_version=-1");
  }

  private static ModelEvent event(
      long version, long parent, ModelEventKind kind, Map<String, Double> metrics) {
    return ModelEvent.newBuilder()
        .setModelId("m")
        .setKind(kind)
        .setVersion(version)
        .setParentVersion(parent)
        .setReason("because")
        .setMetrics(metrics)
        .setTrainedThrough(1_000)
        .setAt(0)
        .build();
  }
}
