package io.riskstream.learner;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.graph.StreamConfig;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * The environment of an operator test harness whose metric group records every metric registered
 * under it by the name Flink's Prometheus reporter gives it: {@code flink_}, the group's logical
 * scope and the metric's name, joined by {@code _}; a key-value group's pair is a label.
 */
public final class RecordedMetrics {
  private static final CharacterFilter PROMETHEUS = s -> s.replaceAll("[^a-zA-Z0-9:_]", "_");

  private record Registered(String name, Map<String, String> variables, Metric metric) {}

  private final List<Registered> registered = new CopyOnWriteArrayList<>();
  private final MockEnvironment environment;

  public RecordedMetrics() {
    TestingMetricRegistry registry =
        TestingMetricRegistry.builder().setRegisterConsumer(this::record).build();
    TaskMetricGroup task =
        TaskManagerMetricGroup.createTaskManagerMetricGroup(
                registry, "localhost", ResourceID.generate())
            .addJob(new JobID(), "job")
            .addTask(ExecutionAttemptID.randomId(), "task");
    environment = new MockEnvironmentBuilder().setMetricGroup(task).build();
  }

  /** For the harness: {@code new OneInputStreamOperatorTestHarness<>(operator, environment())}. */
  public MockEnvironment environment() {
    return environment;
  }

  /**
   * A two-input harness on this environment (Flink's TwoInputStreamOperatorTestHarness takes none).
   */
  public <IN1, IN2, OUT> TwoInput<IN1, IN2, OUT> twoInput(
      TwoInputStreamOperator<IN1, IN2, OUT> operator) throws Exception {
    return new TwoInput<>(operator, environment);
  }

  /** A keyed one, partitioned as Flink's KeyedTwoInputStreamOperatorTestHarness does it. */
  public <K, IN1, IN2, OUT> TwoInput<IN1, IN2, OUT> keyedTwoInput(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, K> key1,
      KeySelector<IN2, K> key2,
      TypeInformation<K> keyType)
      throws Exception {
    TwoInput<IN1, IN2, OUT> harness = twoInput(operator);
    StreamConfig config = harness.getStreamConfig();
    config.setStatePartitioner(0, key1);
    config.setStatePartitioner(1, key2);
    config.setStateKeySerializer(
        keyType.createSerializer(harness.getExecutionConfig().getSerializerConfig()));
    config.serializeAllConfigs();
    return harness;
  }

  /** Feeds records as Flink's two-input harnesses do: key context first. */
  public static final class TwoInput<IN1, IN2, OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final TwoInputStreamOperator<IN1, IN2, OUT> twoInput;

    private TwoInput(TwoInputStreamOperator<IN1, IN2, OUT> operator, MockEnvironment environment)
        throws Exception {
      super(operator, environment);
      this.twoInput = operator;
    }

    public void processElement1(IN1 value, long timestamp) throws Exception {
      StreamRecord<IN1> record = new StreamRecord<>(value, timestamp);
      twoInput.setKeyContextElement1(record);
      twoInput.processElement1(record);
    }

    public void processElement2(IN2 value, long timestamp) throws Exception {
      StreamRecord<IN2> record = new StreamRecord<>(value, timestamp);
      twoInput.setKeyContextElement2(record);
      twoInput.processElement2(record);
    }
  }

  public long count(String name, String... labels) {
    return ((Counter) metric(name, labels)).getCount();
  }

  public Object gauge(String name, String... labels) {
    return ((Gauge<?>) metric(name, labels)).getValue();
  }

  /**
   * @param labels label names and values in turn, e.g. {@code "decision", "APPROVE"}
   * @throws AssertionError unless exactly one metric has that name and those labels
   */
  public Metric metric(String name, String... labels) {
    List<Metric> matching =
        registered.stream()
            .filter(r -> r.name().equals(name) && hasLabels(r.variables(), labels))
            .map(Registered::metric)
            .toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          matching.size()
              + " metrics named "
              + name
              + " with labels "
              + List.of(labels)
              + "; registered: "
              + registered.stream().map(Registered::name).toList());
    }
    return matching.get(0);
  }

  private void record(Metric metric, String name, AbstractMetricGroup<?> group) {
    String prometheusName =
        "flink_" + group.getLogicalScope(PROMETHEUS, '_') + "_" + PROMETHEUS.filterCharacters(name);
    registered.add(new Registered(prometheusName, group.getAllVariables(), metric));
  }

  private static boolean hasLabels(Map<String, String> variables, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(variables.get("<" + labels[i] + ">"))) {
        return false;
      }
    }
    return true;
  }
}
