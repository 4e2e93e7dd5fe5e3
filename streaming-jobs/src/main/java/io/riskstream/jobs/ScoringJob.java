package io.riskstream.jobs;

import io.riskstream.features.FeaturePipeline;
import io.riskstream.features.ScoringRequest;
import io.riskstream.jobs.kafka.KafkaIo;
import io.riskstream.schemas.DeadLetter;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.ModelUpdate;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import io.riskstream.scoring.BatchScoringOperator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The features + scoring job: transactions → decode → the feature spec's entity stages (labels
 * reach them through a label ⋈ transaction enrichment) → card history → sparse-attention score →
 * scores and feature-snapshots. Model updates are broadcast into the scorer, which scores in
 * micro-batches. Every operator has a stable uid so savepoints survive upgrades.
 */
public final class ScoringJob {
  public static final String NAME = "riskstream-scoring";

  private ScoringJob() {}

  public static void define(StreamExecutionEnvironment env, PlatformSettings settings) {
    SingleOutputStreamOperator<Transaction> transactions =
        DecodedSource.transactions(env, KafkaIo.source(settings, Topic.TRANSACTIONS, NAME), NAME);

    SingleOutputStreamOperator<Label> labels =
        DecodedSource.labels(env, KafkaIo.source(settings, Topic.LABELS, NAME + "-labels"), NAME);
    FeaturePipeline.Featured featured = FeatureStages.of(settings, transactions, labels);
    DataStream<ScoringRequest> requests =
        FeaturePipeline.requests(
            featured.records(),
            settings.features(),
            settings.historyLength(),
            settings.featureHold());

    // Always the whole compacted topic: a fresh scorer rebuilds the current model. One reader
    // suffices; the broadcast hands every update to every scorer instance.
    SingleOutputStreamOperator<ModelUpdate> updates =
        DecodedSource.of(
                env,
                KafkaIo.fromBeginning(settings, Topic.MODEL_UPDATES, NAME + "-models"),
                "model-updates",
                NAME,
                ModelUpdate.class,
                update -> update)
            .setParallelism(1);
    SingleOutputStreamOperator<Score> scores =
        requests
            .connect(updates.broadcast())
            .transform(
                "sparse-attention scorer",
                TypeInformation.of(Score.class),
                new BatchScoringOperator(
                    settings.modelConfig(),
                    settings.device(),
                    settings.decisions(),
                    settings.features().id(),
                    settings.features().names(),
                    settings.scoringBatches(),
                    settings.initialModel()))
            .uid("scorer");

    scores
        .sinkTo(
            KafkaIo.sink(
                settings,
                Topic.SCORES,
                Score.class,
                Score::getTransactionId,
                settings.scoresDelivery(),
                NAME + "-scores"))
        .uid("scores-sink")
        .name("scores");
    scores
        .getSideOutput(BatchScoringOperator.SNAPSHOTS)
        .sinkTo(
            KafkaIo.sink(
                settings,
                Topic.FEATURE_SNAPSHOTS,
                FeatureSnapshot.class,
                FeatureSnapshot::getTransactionId,
                settings.scoresDelivery(),
                NAME + "-snapshots"))
        .uid("snapshots-sink")
        .name("feature-snapshots");
    DeadLetters.sink(
        settings,
        NAME,
        transactions.getSideOutput(DecodeFunction.DEAD_LETTERS),
        labels.getSideOutput(DecodeFunction.DEAD_LETTERS),
        updates.getSideOutput(DecodeFunction.DEAD_LETTERS),
        featured
            .late()
            .map(new LateTransactions(NAME), TypeInformation.of(DeadLetter.class))
            .uid("late-transactions")
            .name("late transactions"));
  }
}
