package io.riskstream.dashboard;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongSupplier;

/**
 * The platform's metrics in Prometheus' text format, read from the {@link LiveView} at each scrape:
 * scores by decision, the model version in use, gate rejections and rollbacks, dead letters by job,
 * late transactions, end-to-end latency and label lag, consumer lag per job. Taken from the topics,
 * so they describe any deployment; Flink's own metrics come from its Prometheus reporter.
 */
final class PlatformMetrics {
  private static final List<String> DECISIONS = List.of("APPROVE", "REVIEW", "DECLINE");
  private static final double[] QUANTILES = {0.5, 0.99};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  PlatformMetrics(LiveView view, LongSupplier undecodable) {
    CounterWithCallback.builder()
        .name("riskstream_transactions")
        .help("Transactions seen on the transactions topic since the dashboard started")
        .callback(cb -> cb.call(view.transactions()))
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_scores")
        .help("Committed scores by decision since the dashboard started")
        .labelNames("decision")
        .callback(
            cb -> {
              for (String decision : DECISIONS) {
                cb.call(view.scores(decision), decision);
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_labels")
        .help("Labels seen on the labels topic since the dashboard started")
        .callback(cb -> cb.call(view.labels()))
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_model_events")
        .help("Learner decisions by kind: PUBLISHED, GATE_REJECTED, ROLLED_BACK, DRIFT_DETECTED...")
        .labelNames("kind")
        .callback(
            cb -> {
              for (String kind :
                  List.of("PUBLISHED", "GATE_REJECTED", "ROLLED_BACK", "DRIFT_DETECTED")) {
                cb.call(view.modelEvents(kind), kind);
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_dead_letters")
        .help("Records sent to dead-letters, by the job that rejected them")
        .labelNames("job")
        .callback(
            cb -> {
              for (Map.Entry<String, Long> e : view.deadLettersByJob().entrySet()) {
                cb.call(e.getValue(), e.getKey());
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_late_transactions")
        .help(
            "Transactions that arrived behind the watermark (scored with the features at arrival)")
        .callback(cb -> cb.call(view.lateTransactions()))
        .register(registry);
    CounterWithCallback.builder()
        .name("riskstream_dashboard_undecodable_records")
        .help("Records on the platform's topics the dashboard could not decode")
        .callback(cb -> cb.call(undecodable.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("riskstream_model_version")
        .help("The model version named by the latest committed score")
        .callback(
            cb -> {
              Long version = view.modelVersion();
              if (version != null) {
                cb.call(version);
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("riskstream_end_to_end_latency_seconds")
        .help("Transaction event time to its committed score's arrival, recent scores")
        .labelNames("quantile")
        .callback(cb -> quantiles(view::latencyQuantile, cb))
        .register(registry);
    GaugeWithCallback.builder()
        .name("riskstream_label_lag_seconds")
        .help("A label's time to its arrival on the labels topic, recent labels")
        .labelNames("quantile")
        .callback(cb -> quantiles(view::labelLagQuantile, cb))
        .register(registry);
    GaugeWithCallback.builder()
        .name("riskstream_consumer_lag_records")
        .help("Records each job's consumer group is behind the end of its topics")
        .labelNames("group")
        .callback(
            cb -> {
              for (Map.Entry<String, Long> e : view.consumerLag().entrySet()) {
                cb.call(e.getValue(), e.getKey());
              }
            })
        .register(registry);
  }

  void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }

  String contentType() {
    return writer.getContentType();
  }

  private static void quantiles(DoubleUnaryOperator quantile, GaugeWithCallback.Callback cb) {
    for (double q : QUANTILES) {
      double millis = quantile.applyAsDouble(q);
      if (!Double.isNaN(millis)) {
        cb.call(millis / 1000.0, Double.toString(q));
      }
    }
  }
}
