package io.riskstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordValidationTest {

  @Test
  void acceptsAGoodTransaction() {
    assertThat(RecordValidation.requireValid(AvroCodecTest.txn())).isNotNull();
  }

  @Test
  void rejectsNonFiniteAndNegativeAmounts() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1.0}) {
      Transaction txn = AvroCodecTest.txn();
      txn.setAmount(bad);
      assertThatThrownBy(() -> RecordValidation.requireValid(txn))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessageContaining("amount");
    }
  }

  @Test
  void rejectsMissingIds() {
    Transaction txn = AvroCodecTest.txn();
    txn.setCardId("");
    assertThatThrownBy(() -> RecordValidation.requireValid(txn)).hasMessage("missing field cardId");
  }

  @Test
  void rejectsALabelWithoutTime() {
    Label label = LabelFixtures.label();
    label.setLabelTime(0);
    assertThatThrownBy(() -> RecordValidation.requireValid(label))
        .hasMessageContaining("labelTime");
  }
}
