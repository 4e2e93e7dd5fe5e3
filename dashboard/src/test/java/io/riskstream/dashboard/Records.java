package io.riskstream.dashboard;

import io.riskstream.schemas.Decision;
import io.riskstream.schemas.FeatureContribution;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Transaction;
import java.util.List;
import java.util.Map;

/** Platform records for the dashboard's tests. */
final class Records {
  private Records() {}

  static Transaction transaction(String id, double amount, long eventTime) {
    return Transaction.newBuilder()
        .setTransactionId(id)
        .setCardId("card-1")
        .setTerminalId("terminal-1")
        .setAmount(amount)
        .setEventTime(eventTime)
        .build();
  }

  static Score score(String id, double score, Decision decision, long eventTime, long version) {
    return Score.newBuilder()
        .setTransactionId(id)
        .setCardId("card-1")
        .setEventTime(eventTime)
        .setScore(score)
        .setDecision(decision)
        .setModelVersion(version)
        .setModelTrainedThrough(0)
        .setScoredAt(eventTime + 5)
        .setReasons(
            decision == Decision.APPROVE
                ? null
                : ReasonCodes.newBuilder()
                    .setAttendedTransactions(List.of())
                    .setExpert(0)
                    .setFeatureContributions(
                        List.of(
                            new FeatureContribution("amount_log", 0.8f),
                            new FeatureContribution("card_count_1d", -0.2f),
                            new FeatureContribution("terminal_risk_7d", 0.5f)))
                    .build())
        .build();
  }

  static ModelEvent published(long version, long at, double auc, double ap) {
    return ModelEvent.newBuilder()
        .setModelId("riskstream-fraud")
        .setKind(ModelEventKind.PUBLISHED)
        .setVersion(version)
        .setParentVersion(version - 1)
        .setReason("accepted")
        .setMetrics(Map.of("prequential_auc", auc, "prequential_ap", ap, "holdout_ap", ap))
        .setTrainedThrough(at)
        .setAt(at)
        .build();
  }

  static ModelEvent event(ModelEventKind kind, long version, long at, String reason) {
    return ModelEvent.newBuilder()
        .setModelId("riskstream-fraud")
        .setKind(kind)
        .setVersion(version)
        .setParentVersion(version - 1)
        .setReason(reason)
        .setTrainedThrough(at)
        .setAt(at)
        .build();
  }
}
