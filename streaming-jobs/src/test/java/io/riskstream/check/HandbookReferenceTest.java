package io.riskstream.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.features.spec.FeatureSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandbookReferenceTest {
  private static final String HEADER =
      "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,"
          + "TX_FRAUD,TX_FRAUD_SCENARIO,TX_DURING_WEEKEND,TX_DURING_NIGHT,"
          + "CUSTOMER_ID_NB_TX_1DAY_WINDOW,CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW,"
          + "CUSTOMER_ID_NB_TX_7DAY_WINDOW,CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW,"
          + "CUSTOMER_ID_NB_TX_30DAY_WINDOW,CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW,"
          + "TERMINAL_ID_NB_TX_1DAY_WINDOW,TERMINAL_ID_RISK_1DAY_WINDOW,"
          + "TERMINAL_ID_NB_TX_7DAY_WINDOW,TERMINAL_ID_RISK_7DAY_WINDOW,"
          + "TERMINAL_ID_NB_TX_30DAY_WINDOW,TERMINAL_ID_RISK_30DAY_WINDOW";

  @Test
  void readsTheFifteenFeaturesInSpecOrderAndFindsSimultaneousRows(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("ref.csv");
    Files.writeString(
        file,
        HEADER
            + "\n1,2018-07-25 00:00:29,11,22,40.77,0,0,0,0,0,1,2,29.005,24,29.19,105,30.14,1,0,10,0.1,32,0\n"
            + "2,2018-07-25 00:00:29,11,23,5.00,0,0,0,0,0,1,3,21,25,28,106,30,0,0,0,0,0,0\n"
            + "3,2018-07-26 00:00:00,12,22,1.00,0,0,0,0,0,0,1,1,1,1,1,1,0,0,0,0,0,0\n");

    HandbookReference reference = HandbookReference.load(file, Long.MAX_VALUE);

    double[] first = reference.rows().get("1");
    assertThat(first[FeatureSpecs.HANDBOOK.indexOf("amount")]).isEqualTo(40.77);
    assertThat(first[FeatureSpecs.HANDBOOK.indexOf("card_mean_1d")]).isEqualTo(29.005);
    assertThat(first[FeatureSpecs.HANDBOOK.indexOf("terminal_fraud_rate_7d_delay_7d")])
        .isEqualTo(0.1);
    assertThat(reference.simultaneous().values()).containsExactly(java.util.List.of("1", "2"));
    assertThat(
            HandbookReference.load(file, HandbookReference.epochMillis("2018-07-26 00:00:00"))
                .rows())
        .containsOnlyKeys("1", "2");
  }

  @Test
  void namesAMissingColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ref.csv");
    Files.writeString(file, "TRANSACTION_ID,TX_DATETIME\n1,2018-07-25 00:00:29\n");

    assertThatThrownBy(() -> HandbookReference.load(file, Long.MAX_VALUE))
        .hasMessageContaining("has no column CUSTOMER_ID");
  }
}
