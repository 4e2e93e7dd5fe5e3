/**
 * The files {@code riskstream evaluate} writes: build an {@link
 * io.riskstream.evaluation.report.EvaluationReport} and call {@link
 * io.riskstream.evaluation.report.ReportFiles#write}.
 *
 * <p>{@code metrics.json}, for scripts (snake_case keys; undefined numbers are {@code null}; dates
 * {@code yyyy-MM-dd}, times ISO-8601 UTC):
 *
 * <pre>
 * settings      {"label delay": "7 days", ...}                 as given, in order
 * models        {"riskstream-online": {description, auc, ap, cp100, recall_at_1pct_fpr,
 *                 transactions, frauds,
 *                 days: [{date, auc, ap, cp100, recall_at_1pct_fpr, transactions, frauds}],
 *                 score_histogram: {bins, lower, upper, genuine: [..], fraud: [..]}}, ...}
 * published     [{name, source, auc, ap, cp100}]
 * performance   {transactions, wall_seconds, throughput_txn_per_s, latency_ms: {p50, p99, p99_9}}
 * versions      [{version, scores, first_scored_event_time, last_scored_event_time,
 *                 trained_through}]                             null: never trained
 * staleness     {p50_hours, p99_hours, max_hours, per_day: [{date, mean_hours}]}
 * </pre>
 *
 * <p>{@code report.html}, for people: one self-contained file (inline styles and SVG, no script, no
 * network) with the settings, a table of every model next to the published numbers (best per column
 * highlighted), AUC, AP and CP@100 per day, score histograms, platform performance, and the
 * model-version timeline with the staleness.
 */
package io.riskstream.evaluation.report;
