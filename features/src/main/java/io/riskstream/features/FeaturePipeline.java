package io.riskstream.features;

import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureDefinition;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Builds the feature stages from a spec: transaction attributes, then one keyed stage per entity
 * (labels reach each through the label ⋈ transaction enrichment), then the card history. Operator
 * uids follow the entity names, so a savepoint survives adding a feature to an entity.
 */
public final class FeaturePipeline {
  private FeaturePipeline() {}

  /** The raw feature values of every transaction, in the spec's order. */
  public static Featured features(
      DataStream<Transaction> transactions,
      DataStream<Label> labels,
      FeatureSpec spec,
      Duration labelJoinTtl,
      Duration maxHold) {
    SingleOutputStreamOperator<FeatureRecord> records =
        transactions
            .map(txn -> attributes(spec, txn), TypeInformation.of(FeatureRecord.class))
            .uid("transaction-attributes")
            .name("transaction attributes");
    DataStream<LabelEvent> labelEvents =
        records
            .keyBy(r -> r.transactionId, Types.STRING)
            .connect(labels.keyBy(Label::getTransactionId, Types.STRING))
            .process(
                new LabelEnrichmentFunction(labelJoinTtl), TypeInformation.of(LabelEvent.class))
            .uid("label-enrichment")
            .name("label ⋈ transaction");

    DataStream<FeatureRecord> late = null;
    SingleOutputStreamOperator<FeatureRecord> featured = records;
    for (Entity entity : spec.entities()) {
      featured =
          featured
              .keyBy(r -> keyOf(entity, r), Types.STRING)
              .connect(labelEvents.keyBy(l -> keyOf(entity, l.asRecord()), Types.STRING))
              .process(
                  new EntityFeatureFunction(spec, entity, maxHold),
                  TypeInformation.of(FeatureRecord.class))
              .uid(entity.prefix() + "-features")
              .name(entity.prefix() + " features");
      DataStream<FeatureRecord> entityLate = featured.getSideOutput(EntityFeatureFunction.LATE);
      late = late == null ? entityLate : late.union(entityLate);
    }
    return new Featured(featured, late);
  }

  /** Scaled vectors with the card's history: what the scorer consumes. */
  public static DataStream<ScoringRequest> requests(
      DataStream<FeatureRecord> features, FeatureSpec spec, int historyLength, Duration maxHold) {
    return features
        .keyBy(r -> r.cardId, Types.STRING)
        .process(
            new CardHistoryFunction(spec, historyLength, maxHold),
            TypeInformation.of(ScoringRequest.class))
        .uid("card-history")
        .name("card history");
  }

  /** The featured stream and the transactions that arrived later than the watermark. */
  public record Featured(DataStream<FeatureRecord> records, DataStream<FeatureRecord> late) {}

  private static String keyOf(Entity entity, FeatureRecord record) {
    String key = entity.keyOf(record);
    return key == null ? EntityFeatureFunction.NONE : key;
  }

  private static FeatureRecord attributes(FeatureSpec spec, Transaction txn) {
    FeatureRecord record = FeatureRecord.of(txn, spec.size());
    for (int i = 0; i < spec.size(); i++) {
      if (spec.features().get(i) instanceof FeatureDefinition.Attribute a) {
        record.values[i] = a.attribute().valueOf(record);
      }
    }
    return record;
  }
}
