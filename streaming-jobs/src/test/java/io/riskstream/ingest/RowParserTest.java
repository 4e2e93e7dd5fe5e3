package io.riskstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowParserTest {
  private static final ColumnMapping MAPPING =
      ColumnMapping.parse(
          "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS,"
              + "fraud=IS_FRAUD,device_id=DEVICE,ip_address=IP");
  private static final String HEADER = "COUNTRY,TS,PAN,IP,TX_ID,DEVICE,AMT,MERCHANT,IS_FRAUD";

  private final RowParser parser = new RowParser(MAPPING, HEADER, Duration.ofHours(2));

  @Test
  void readsTheMappedColumnsWhereverTheyAre() {
    CsvRow row = parser.parse(2, "FR,2024-05-01T12:00:00Z, c1 ,10.0.0.1,t1,dev-9,12.5,m7,1");

    assertThat(row).isInstanceOf(CsvRow.Valid.class);
    CsvRow.Valid valid = (CsvRow.Valid) row;
    Transaction tx = valid.transaction();
    long time = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    assertThat(valid.lineNumber()).isEqualTo(2);
    assertThat(tx.getTransactionId()).isEqualTo("t1");
    assertThat(tx.getCardId()).isEqualTo("c1");
    assertThat(tx.getTerminalId()).isEqualTo("m7");
    assertThat(tx.getAmount()).isEqualTo(12.5);
    assertThat(tx.getEventTime()).isEqualTo(time);
    assertThat(tx.getDeviceId()).isEqualTo("dev-9");
    assertThat(tx.getIpAddress()).isEqualTo("10.0.0.1");
    Label label = valid.label().orElseThrow();
    assertThat(label.getFraud()).isTrue();
    assertThat(label.getTransactionId()).isEqualTo("t1");
    assertThat(label.getCardId()).isEqualTo("c1");
    assertThat(label.getLabelTime()).isEqualTo(time + Duration.ofHours(2).toMillis());
    assertThat(label.getSource()).isEqualTo(RowParser.LABEL_SOURCE);
  }

  @Test
  void acceptsEpochMillisAndLeavesBlankOptionalFieldsUnknown() {
    CsvRow.Valid valid = (CsvRow.Valid) parser.parse(3, ",1714564800000,c1,,t1, ,0,m7,false");

    assertThat(valid.transaction().getEventTime()).isEqualTo(1714564800000L);
    assertThat(valid.transaction().getDeviceId()).isNull();
    assertThat(valid.transaction().getIpAddress()).isNull();
    assertThat(valid.label().orElseThrow().getFraud()).isFalse();
  }

  @Test
  void withoutAFraudColumnRowsHaveNoLabel() {
    RowParser unlabelled =
        new RowParser(
            ColumnMapping.parse(
                "transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,event_time=TS"),
            HEADER,
            Duration.ZERO);

    CsvRow.Valid valid =
        (CsvRow.Valid) unlabelled.parse(2, "FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,1,m7,garbage");

    assertThat(unlabelled.hasLabels()).isFalse();
    assertThat(valid.label()).isEmpty();
    assertThat(valid.transaction().getDeviceId()).isNull();
  }

  @Test
  void badRowsAreRejectedNamingTheirCsvColumn() {
    assertRejected("FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,1,m7", "expected 9 columns but found 8");
    assertRejected(
        "FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,1,m7,0,x", "expected 9 columns but found 10");
    assertRejected("FR,2024-05-01T12:00:00Z,c1,ip, ,dev,1,m7,0", "TX_ID is empty");
    assertRejected("FR,2024-05-01T12:00:00Z,,ip,t1,dev,1,m7,0", "PAN is empty");
    assertRejected("FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,1,,0", "MERCHANT is empty");
    assertRejected("FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,lots,m7,0", "AMT is not a number: 'lots'");
    assertRejected(
        "FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,-2,m7,0", "AMT must be a finite number >= 0: '-2'");
    assertRejected(
        "FR,2024-05-01 12:00:00,c1,ip,t1,dev,1,m7,0",
        "TS is neither an ISO-8601 instant nor epoch millis: '2024-05-01 12:00:00'");
    assertRejected(
        "FR,99999999999999999999,c1,ip,t1,dev,1,m7,0",
        "TS epoch millis out of range: '99999999999999999999'");
    assertRejected(
        "FR,2024-05-01T12:00:00Z,c1,ip,t1,dev,1,m7,yes",
        "IS_FRAUD must be 0/1 or true/false: 'yes'");
  }

  @Test
  void aHeaderWithoutAMappedColumnIsAnErrorUpFront() {
    assertThatThrownBy(() -> new RowParser(MAPPING, "TX_ID,PAN,MERCHANT,AMT,TS", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the header has no column IS_FRAUD (for fraud)");
  }

  @Test
  void theBuiltInFormatsNameTheirOwnColumns() {
    RowParser handbook = new RowParser(CsvFormat.FRAUD_HANDBOOK, Duration.ZERO);
    RowParser generic = new RowParser(CsvFormat.GENERIC, Duration.ZERO);

    assertThat(handbook.parse(2, "0,2018-04-01 00:00:31,,3156,57.16,31,0,0,0"))
        .hasToString("line 2: CUSTOMER_ID is empty");
    assertThat(handbook.hasLabels()).isTrue();
    assertThat(generic.parse(2, "t1,c1,m1,1,2018-04-01 00:00:31"))
        .hasToString(
            "line 2: event_time is neither an ISO-8601 instant nor epoch millis:"
                + " '2018-04-01 00:00:31'");
    assertThat(generic.hasLabels()).isFalse();
  }

  private void assertRejected(String line, String reason) {
    assertThat(parser.parse(7, line)).isEqualTo(new CsvRow.Rejected(7, reason));
  }
}
