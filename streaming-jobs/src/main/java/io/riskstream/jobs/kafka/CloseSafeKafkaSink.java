package io.riskstream.jobs.kafka;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaWriterState;
import org.apache.flink.connector.kafka.sink.TwoPhaseCommittingStatefulSink;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPostCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.lineage.LineageVertex;
import org.apache.flink.streaming.api.lineage.LineageVertexProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KafkaSink} whose writers never fail in {@code close()}.
 *
 * <p>Why: when a broker restarts, the producer fails the batches of the open transaction. The task
 * then fails and Flink closes its operators while handling that failure; the connector's writer
 * rethrows the failed send from {@code close()}, and Flink treats an exception in a task's failure
 * handling as fatal and ends the whole TaskManager process (seen in ClusterFailoverIT: every broker
 * restart cost one to three TaskManagers). Logging the error instead is safe: by the time {@code
 * close()} runs, every record that counts was flushed and acknowledged at a checkpoint (a failed
 * flush fails the checkpoint, not the close), and the records of the aborted transaction are
 * replayed from the last checkpoint whatever close reports. Everything else is the Kafka sink
 * itself, delegated unchanged, so the job graph and its state stay the same.
 */
public final class CloseSafeKafkaSink<T>
    implements TwoPhaseCommittingStatefulSink<T, KafkaWriterState, KafkaCommittable>,
        SupportsPostCommitTopology<KafkaCommittable>,
        LineageVertexProvider {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CloseSafeKafkaSink.class);

  private final KafkaSink<T> sink;

  public CloseSafeKafkaSink(KafkaSink<T> sink) {
    this.sink = sink;
  }

  @Override
  public PrecommittingStatefulSinkWriter<T, KafkaWriterState, KafkaCommittable> createWriter(
      WriterInitContext context) throws IOException {
    return new CloseSafeWriter<>(sink.createWriter(context));
  }

  @Override
  public PrecommittingStatefulSinkWriter<T, KafkaWriterState, KafkaCommittable> restoreWriter(
      WriterInitContext context, Collection<KafkaWriterState> recoveredState) throws IOException {
    return new CloseSafeWriter<>(sink.restoreWriter(context, recoveredState));
  }

  @Override
  public SimpleVersionedSerializer<KafkaWriterState> getWriterStateSerializer() {
    return sink.getWriterStateSerializer();
  }

  @Override
  public Committer<KafkaCommittable> createCommitter(CommitterInitContext context) {
    return sink.createCommitter(context);
  }

  @Override
  public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
    return sink.getCommittableSerializer();
  }

  @Override
  public void addPostCommitTopology(DataStream<CommittableMessage<KafkaCommittable>> committables) {
    // Keeps the exactly-once writer and committer of a transactional id prefix together.
    sink.addPostCommitTopology(committables);
  }

  @Override
  public LineageVertex getLineageVertex() {
    return sink.getLineageVertex();
  }

  /** The Kafka writer, with a {@code close()} that logs what it would have thrown. */
  static final class CloseSafeWriter<T, S, C> implements PrecommittingStatefulSinkWriter<T, S, C> {
    private final PrecommittingStatefulSinkWriter<T, S, C> writer;

    CloseSafeWriter(PrecommittingStatefulSinkWriter<T, S, C> writer) {
      this.writer = writer;
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
      writer.write(element, context);
    }

    @Override
    public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
      writer.writeWatermark(watermark);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      writer.flush(endOfInput);
    }

    @Override
    public Collection<C> prepareCommit() throws IOException, InterruptedException {
      return writer.prepareCommit();
    }

    @Override
    public List<S> snapshotState(long checkpointId) throws IOException {
      return writer.snapshotState(checkpointId);
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("Interrupted while closing a Kafka writer", e);
      } catch (Exception e) {
        LOG.warn("A Kafka writer failed to close; its open transaction is aborted and replayed", e);
      }
    }
  }
}
