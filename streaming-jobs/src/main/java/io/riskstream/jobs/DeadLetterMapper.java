package io.riskstream.jobs;

import io.riskstream.schemas.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Reports a record that a job's own logic set aside (not one a source rejected: it has no offset)
 * as a dead letter, and counts it on the platform's {@code dead_letters} counter.
 */
abstract class DeadLetterMapper<T> extends RichMapFunction<T, DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String job;
  private final String sourceTopic;
  private transient Counter deadLetters;

  DeadLetterMapper(String job, String sourceTopic) {
    this.job = job;
    this.sourceTopic = sourceTopic;
  }

  @Override
  public void open(OpenContext openContext) {
    deadLetters = platformMetrics().counter("dead_letters");
  }

  /**
   * The platform's metric group: in Prometheus, flink_taskmanager_job_task_operator_riskstream_….
   */
  MetricGroup platformMetrics() {
    return getRuntimeContext().getMetricGroup().addGroup("riskstream");
  }

  DeadLetter deadLetter(String reason, byte[] payload) {
    deadLetters.inc();
    return BoundedDeadLetters.of(sourceTopic, -1, -1, reason, payload, job);
  }
}
