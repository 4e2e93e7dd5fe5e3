package io.riskstream.jobs;

import io.riskstream.jobs.kafka.KafkaIo;
import io.riskstream.learner.LabelJoinFunction;
import io.riskstream.learner.TrainerFunction;
import io.riskstream.learner.TrainingExample;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelControl;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.ModelUpdateKey;
import io.riskstream.schemas.Topic;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The online learning job: labels ⋈ feature-snapshots (by transaction id) → mini-batch training →
 * versioned parameter groups on model-updates.
 */
public final class LearnerJob {
  public static final String NAME = "riskstream-learner";

  private LearnerJob() {}

  public static void define(StreamExecutionEnvironment env, PlatformSettings settings) {
    SingleOutputStreamOperator<FeatureSnapshot> snapshots =
        DecodedSource.of(
            env,
            KafkaIo.source(settings, Topic.FEATURE_SNAPSHOTS, NAME + "-snapshots"),
            "feature-snapshots",
            NAME,
            FeatureSnapshot.class,
            snapshot -> snapshot);
    SingleOutputStreamOperator<Label> labels =
        DecodedSource.labels(env, KafkaIo.source(settings, Topic.LABELS, NAME + "-labels"), NAME);

    // Event time only clears joined snapshots once their retention has passed (LabelJoinFunction).
    SingleOutputStreamOperator<TrainingExample> examples =
        snapshots
            .assignTimestampsAndWatermarks(
                EventTimeWatermarks.<FeatureSnapshot>of(
                    (snapshot, ts) -> snapshot.getEventTime(),
                    settings.maxOutOfOrderness(),
                    settings.live()))
            .uid("snapshot-watermarks")
            .keyBy(FeatureSnapshot::getTransactionId, Types.STRING)
            .connect(
                labels
                    .assignTimestampsAndWatermarks(EventTimeWatermarks.labels(settings))
                    .uid("label-watermarks")
                    .keyBy(Label::getTransactionId, Types.STRING))
            .process(
                new LabelJoinFunction(
                    settings.labelJoinTtl(), LabelJoinFunction.DEFAULT_LABEL_WAIT),
                TypeInformation.of(TrainingExample.class))
            .uid("label-join")
            .name("label join");
    SingleOutputStreamOperator<ModelControl> control =
        DecodedSource.of(
            env,
            KafkaIo.source(settings, Topic.MODEL_CONTROL, NAME + "-control"),
            "model-control",
            NAME,
            ModelControl.class,
            request -> request);
    SingleOutputStreamOperator<ModelUpdate> updates =
        examples
            // One model: all examples and operators' requests meet in a single trainer.
            .keyBy(example -> 0, Types.INT)
            .connect(control.keyBy(request -> 0, Types.INT))
            .process(
                new TrainerFunction(
                    settings.modelConfig(),
                    settings.learner(),
                    settings.features().id(),
                    settings.initialModel()),
                TypeInformation.of(ModelUpdate.class))
            .setParallelism(1)
            .uid("trainer")
            .name("online trainer");

    // Exactly once: after a failover the learner re-trains from its checkpoint, and versions it
    // published but never committed are aborted, so no version number is ever published twice.
    // Each exactly-once sink flushes its producer before the barrier, starts its next transaction
    // (initTransactions: a round trip to the transaction coordinator) in the snapshot and commits
    // after the checkpoint. Chained to the trainer, the two sinks did that one after the other on
    // the trainer's thread, most of each learner checkpoint (bench freshness, 100 txn/s: the
    // trainer task acknowledged at 575-812 ms p50, 248-336 ms of it synchronous, JFR: mostly the
    // two initTransactions, plus the flush before it). In tasks of their own they do it side by
    // side and off the trainer's thread: checkpoints 573-812 -> 283-350 ms p50.
    updates
        .sinkTo(
            KafkaIo.sink(
                settings,
                Topic.MODEL_UPDATES,
                ModelUpdate.class,
                ModelUpdateKey::of,
                DeliveryGuarantee.EXACTLY_ONCE,
                NAME + "-model-updates"))
        .setParallelism(1)
        .disableChaining()
        .uid("model-updates-sink")
        .name("model-updates");
    updates
        .getSideOutput(TrainerFunction.EVENTS)
        .sinkTo(
            KafkaIo.sink(
                settings,
                Topic.MODEL_EVENTS,
                ModelEvent.class,
                ModelEvent::getModelId,
                DeliveryGuarantee.EXACTLY_ONCE,
                NAME + "-model-events"))
        .setParallelism(1)
        .disableChaining()
        .uid("model-events-sink")
        .name("model-events");
    DeadLetters.sink(
        settings,
        NAME,
        snapshots.getSideOutput(DecodeFunction.DEAD_LETTERS),
        labels.getSideOutput(DecodeFunction.DEAD_LETTERS),
        control.getSideOutput(DecodeFunction.DEAD_LETTERS),
        examples
            .getSideOutput(LabelJoinFunction.UNMATCHED)
            .map(
                new UnmatchedLabels(NAME, LabelJoinFunction.DEFAULT_LABEL_WAIT),
                TypeInformation.of(DeadLetter.class))
            .uid("unmatched-labels")
            .name("labels without snapshot"));
  }
}
