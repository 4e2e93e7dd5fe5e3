package io.riskstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.ingest.ColumnMapping.Field;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
  private static final String FULL =
      "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,fraud=IS_FRAUD";

  @Test
  void parsesFieldEqualsColumnPairs() {
    ColumnMapping mapping = ColumnMapping.parse(FULL);

    assertThat(mapping.column(Field.TRANSACTION_ID)).contains("TX_ID");
    assertThat(mapping.column(Field.CARD_ID)).contains("PAN");
    assertThat(mapping.column(Field.TERMINAL_ID)).contains("MERCHANT");
    assertThat(mapping.column(Field.AMOUNT)).contains("AMT");
    assertThat(mapping.column(Field.EVENT_TIME)).contains("TS");
    assertThat(mapping.column(Field.FRAUD)).contains("IS_FRAUD");
    assertThat(mapping.column(Field.DEVICE_ID)).isEmpty();
    assertThat(mapping.hasLabels()).isTrue();
    assertThat(mapping).hasToString(FULL).isEqualTo(ColumnMapping.parse(mapping.toString()));
  }

  @Test
  void fieldsInAnyOrderAndCaseWithSpacesAroundAndTheOptionalOnes() {
    ColumnMapping mapping =
        ColumnMapping.parse(
            " Event_Time = When , amount=Sum,CARD_ID=Card,terminal_id=Shop,transaction_id=Id,"
                + "device_id=Device,ip_address=IP");

    assertThat(mapping.column(Field.EVENT_TIME)).contains("When");
    assertThat(mapping.column(Field.DEVICE_ID)).contains("Device");
    assertThat(mapping.column(Field.IP_ADDRESS)).contains("IP");
    assertThat(mapping.hasLabels()).isFalse();
    assertThat(mapping)
        .hasToString(
            "transaction_id=Id,card_id=Card,terminal_id=Shop,amount=Sum,event_time=When,"
                + "device_id=Device,ip_address=IP");
  }

  @Test
  void badMappingsAreOneLineNamingTheProblem() {
    assertParseFails(
        "card=PAN," + FULL,
        "unknown field 'card'; the fields are transaction_id,"
            + " card_id, terminal_id, amount, event_time, fraud, device_id, ip_address");
    assertParseFails(
        "transaction_id=TX_ID,card_id=PAN,event_time=TS",
        "missing required fields terminal_id, amount");
    assertParseFails(
        "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT",
        "missing required field event_time");
    assertParseFails(FULL + ",PAN", "'PAN' is not field=COLUMN");
    assertParseFails(FULL + ",device_id=", "'device_id=' is not field=COLUMN");
    assertParseFails(FULL + ",=X", "'=X' is not field=COLUMN");
    assertParseFails(FULL + ",", "'' is not field=COLUMN");
    assertParseFails(FULL + ",card_id=CARD", "field card_id is given twice");
    assertParseFails(FULL + ",device_id=pan", "card_id and device_id both map to column pan");
    assertParseFails(" ", "no columns given; expected field=COLUMN,… e.g. " + FULL);
  }

  @Test
  void locatesColumnsByHeaderNameInAnyOrderIgnoringOthers() {
    ColumnMapping.Located located =
        ColumnMapping.parse(FULL).locate("NOTE,ts,AMT , IS_FRAUD,PAN,TX_ID,COUNTRY,MERCHANT");

    assertThat(located.width()).isEqualTo(8);
    assertThat(located.index())
        .containsEntry(Field.EVENT_TIME, 1)
        .containsEntry(Field.AMOUNT, 2)
        .containsEntry(Field.FRAUD, 3)
        .containsEntry(Field.CARD_ID, 4)
        .containsEntry(Field.TRANSACTION_ID, 5)
        .containsEntry(Field.TERMINAL_ID, 7)
        .doesNotContainKey(Field.DEVICE_ID);
    assertThat(located.name(Field.EVENT_TIME)).isEqualTo("TS");
  }

  @Test
  void aHeaderWithoutAMappedColumnOrWithItTwiceIsAnError() {
    ColumnMapping mapping = ColumnMapping.parse(FULL);

    assertThatThrownBy(() -> mapping.locate("TX_ID,PAN,MERCHANT,AMOUNT,TS,IS_FRAUD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the header has no column AMT (for amount); its columns are"
                + " TX_ID,PAN,MERCHANT,AMOUNT,TS,IS_FRAUD");
    assertThatThrownBy(() -> mapping.locate("TX_ID,PAN,MERCHANT,AMT,TS,IS_FRAUD,pan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the header has column PAN twice");
  }

  private static void assertParseFails(String text, String message) {
    assertThatThrownBy(() -> ColumnMapping.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
