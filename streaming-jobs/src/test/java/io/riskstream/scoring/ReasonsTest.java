package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.model.Explanation;
import io.riskstream.schemas.AttendedTransaction;
import io.riskstream.schemas.FeatureContribution;
import io.riskstream.schemas.ReasonCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void namesThePastTransactionsAndFeatures() {
    Explanation explanation =
        new Explanation(
            List.of(new Explanation.AttendedEvent(2, 0.7f), new Explanation.AttendedEvent(0, 0.3f)),
            List.of(new Explanation.FeatureContribution(1, -0.4f)),
            3);
    ReasonCodes reasons =
        Reasons.of(explanation, new String[] {"t0", "t1", "t2"}, List.of("amount", "count_1d"));
    assertThat(reasons.getAttendedTransactions())
        .containsExactly(new AttendedTransaction("t2", 0.7f), new AttendedTransaction("t0", 0.3f));
    assertThat(reasons.getFeatureContributions())
        .containsExactly(new FeatureContribution("count_1d", -0.4f));
    assertThat(reasons.getExpert()).isEqualTo(3);
  }

  @Test
  void unknownHistoryIdsStayNull() {
    Explanation explanation =
        new Explanation(List.of(new Explanation.AttendedEvent(1, 1f)), List.of(), 0);
    assertThat(Reasons.of(explanation, null, List.of()).getAttendedTransactions())
        .containsExactly(new AttendedTransaction(null, 1f));
  }
}
