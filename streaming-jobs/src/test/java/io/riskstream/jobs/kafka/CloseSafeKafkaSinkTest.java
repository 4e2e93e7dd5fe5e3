package io.riskstream.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.riskstream.jobs.PlatformSettings;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.TwoPhaseCommittingStatefulSink.PrecommittingStatefulSinkWriter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class CloseSafeKafkaSinkTest {

  @Test
  void aWriterThatFailsToCloseIsClosedWithoutThrowing() {
    RecordingWriter failing = new RecordingWriter(new IOException("send aborted by the broker"));

    assertThatCode(() -> new CloseSafeKafkaSink.CloseSafeWriter<>(failing).close())
        .doesNotThrowAnyException();
    assertThat(failing.calls).containsExactly("close");
  }

  @Test
  void everythingButCloseReachesTheKafkaWriterUnchanged() throws Exception {
    RecordingWriter writer = new RecordingWriter(null);
    var safe = new CloseSafeKafkaSink.CloseSafeWriter<>(writer);

    safe.write("a", null);
    safe.flush(false);
    assertThat(safe.prepareCommit()).containsExactly("committable");
    assertThat(safe.snapshotState(7)).containsExactly("state-7");
    safe.flush(true);
    safe.close();

    assertThat(writer.calls)
        .containsExactly(
            "write a", "flush false", "prepareCommit", "snapshotState 7", "flush true", "close");
  }

  @Test
  void theJobGraphIsTheKafkaSinksOwn() {
    PlatformSettings settings = PlatformSettings.defaults("localhost:9092");
    KafkaSink<DeadLetter> kafka = kafkaSink(settings);
    CloseSafeKafkaSink<DeadLetter> safe =
        KafkaIo.sink(
            settings,
            Topic.DEAD_LETTERS,
            DeadLetter.class,
            DeadLetter::getJob,
            DeliveryGuarantee.EXACTLY_ONCE,
            "prefix");

    // Same operators, uids and co-location (an exactly-once writer beside its committer), so a
    // savepoint taken before the wrapper restores after it.
    assertThat(graphOf(safe)).isEqualTo(graphOf(kafka)).anyMatch(node -> node.contains("prefix"));
    assertThat(safe.getWriterStateSerializer().getVersion())
        .isEqualTo(kafka.getWriterStateSerializer().getVersion());
    assertThat(safe.getCommittableSerializer().getVersion())
        .isEqualTo(kafka.getCommittableSerializer().getVersion());
  }

  private static KafkaSink<DeadLetter> kafkaSink(PlatformSettings settings) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setRecordSerializer(
            new AvroRecordSerializer<>(
                Topic.DEAD_LETTERS.topicName(), DeadLetter.class, DeadLetter::getJob))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("prefix")
        .build();
  }

  private static List<String> graphOf(Sink<DeadLetter> sink) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(1, 2)
        .map(i -> new DeadLetter())
        .returns(DeadLetter.class)
        .sinkTo(sink)
        .uid("sink")
        .name("sink");
    return env.getStreamGraph().getStreamNodes().stream()
        .map(CloseSafeKafkaSinkTest::describe)
        .sorted()
        .toList();
  }

  private static String describe(StreamNode node) {
    return node.getOperatorName()
        + " uid="
        + node.getTransformationUID()
        + " colocation="
        + node.getCoLocationGroup();
  }

  /** A writer that records what it is asked and fails its close with the given error, if any. */
  private static final class RecordingWriter
      implements PrecommittingStatefulSinkWriter<String, String, String> {
    private final Exception closeError;
    private final List<String> calls = new ArrayList<>();

    RecordingWriter(Exception closeError) {
      this.closeError = closeError;
    }

    @Override
    public void write(String element, Context context) {
      calls.add("write " + element);
    }

    @Override
    public void flush(boolean endOfInput) {
      calls.add("flush " + endOfInput);
    }

    @Override
    public Collection<String> prepareCommit() {
      calls.add("prepareCommit");
      return List.of("committable");
    }

    @Override
    public List<String> snapshotState(long checkpointId) {
      calls.add("snapshotState " + checkpointId);
      return List.of("state-" + checkpointId);
    }

    @Override
    public void close() throws Exception {
      calls.add("close");
      if (closeError != null) {
        throw closeError;
      }
    }
  }
}
