package io.riskstream.evaluation.report;

import io.riskstream.evaluation.metrics.Staleness;
import io.riskstream.evaluation.metrics.VersionUse;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@code riskstream evaluate} reports, as {@link ReportFiles} writes it to {@code
 * metrics.json} and {@code report.html}.
 *
 * @param settings what was run (input files, label delay, scored period, feature spec, ...), shown
 *     in the given order
 * @param models the measured models, in the order the report shows them; names unique
 * @param published numbers from elsewhere to compare with, e.g. {@link PublishedResult#handbook()}
 * @param versions the platform's model versions that scored, for the version timeline
 * @param staleness the platform's scores' age of knowledge, {@link Staleness#none()} if unmeasured
 */
public record EvaluationReport(
    Map<String, String> settings,
    List<ModelResult> models,
    List<PublishedResult> published,
    Performance performance,
    List<VersionUse> versions,
    Staleness staleness) {

  public EvaluationReport {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    models = List.copyOf(models);
    published = List.copyOf(published);
    versions = List.copyOf(versions);
    Objects.requireNonNull(performance, "performance");
    Objects.requireNonNull(staleness, "staleness");
    Set<String> names = new HashSet<>();
    for (ModelResult model : models) {
      // metrics.json keys the models by name: a duplicate would silently replace the other.
      if (!names.add(model.name())) {
        throw new IllegalArgumentException("two models are named " + model.name());
      }
    }
  }
}
