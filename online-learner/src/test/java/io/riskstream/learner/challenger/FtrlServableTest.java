package io.riskstream.learner.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataTypes;
import org.junit.jupiter.api.Test;

class FtrlServableTest {

  private static FtrlLogisticRegression trained() {
    FtrlLogisticRegressionTest.Planted planted = new FtrlLogisticRegressionTest.Planted(3);
    FtrlLogisticRegression model =
        new FtrlLogisticRegression(
            FtrlLogisticRegressionTest.Planted.FEATURES, new FtrlParams(0.3, 0.1, 0.01, 0.5));
    for (int batch = 0; batch < 40; batch++) {
      model.update(planted.batch(32));
    }
    return model;
  }

  private static DataFrame frame(String column, List<LabeledVector> points) {
    List<Row> rows = new ArrayList<>();
    for (LabeledVector point : points) {
      rows.add(new Row(new ArrayList<>(List.of(point.features()))));
    }
    return new DataFrame(
        new ArrayList<>(List.of(column)),
        new ArrayList<>(List.of(DataTypes.VECTOR(BasicType.DOUBLE))),
        rows);
  }

  @Test
  void scoresWhatTheTrainerPredictsAfterASerializationRoundTrip() throws IOException {
    FtrlLogisticRegression model = trained();
    byte[] published = model.modelData().toBytes();
    List<LabeledVector> points = new FtrlLogisticRegressionTest.Planted(99).batch(200);

    FtrlServable servable = new FtrlServable().setModelData(new ByteArrayInputStream(published));
    DataFrame output = servable.transform(frame("features", points));

    assertThat(servable.getModelData().modelVersion()).isEqualTo(40);
    assertThat(servable.getModelData().coefficient()).isEqualTo(model.modelData().coefficient());
    int prediction = output.getIndex("prediction");
    int raw = output.getIndex("rawPrediction");
    assertThat(output.getDataType("prediction")).isEqualTo(DataTypes.DOUBLE);
    List<Row> rows = output.collect();
    for (int i = 0; i < points.size(); i++) {
      double expected = model.predict(points.get(i).features());
      DenseVector rawPrediction = rows.get(i).getAs(raw);
      assertThat(rawPrediction.get(1)).isEqualTo(expected);
      assertThat(rawPrediction.get(0)).isEqualTo(1 - expected);
      assertThat((Double) rows.get(i).getAs(prediction)).isEqualTo(expected >= 0.5 ? 1.0 : 0.0);
    }
  }

  @Test
  void keepsFlinkMlColumnParams() {
    FtrlServable servable =
        new FtrlServable()
            .setModelData(new FtrlModelData(Vectors.dense(2, -1, 0.5), 7))
            .setFeaturesCol("x")
            .setPredictionCol("label")
            .setRawPredictionCol("scores");
    assertThat(servable.getParam("featuresCol")).isSameAs(FtrlServable.FEATURES_COL);

    DataFrame output =
        servable.transform(frame("x", List.of(new LabeledVector(Vectors.dense(1, 1), 1))));

    // logit = 2 - 1 + 0.5 = 1.5
    assertThat(output.getColumnNames()).containsExactly("x", "label", "scores");
    DenseVector scores = output.collect().get(0).getAs(2);
    assertThat(scores.get(1)).isCloseTo(1 / (1 + Math.exp(-1.5)), within(1e-12));
  }

  @Test
  void rawModelDataRoundTripsItsDocumentedFormat() throws IOException {
    FtrlModelData data = new FtrlModelData(Vectors.dense(0.25, -3, 1e-9), 12);
    byte[] bytes = data.toBytes();

    // magic, format, version, length, three doubles
    assertThat(bytes).hasSize(4 + 4 + 8 + 4 + 3 * 8);
    assertThat(bytes).startsWith('F', 'T', 'R', 'L', 0, 0, 0, 1);
    assertThat(FtrlModelData.decode(new ByteArrayInputStream(bytes))).isEqualTo(data);
  }

  @Test
  void standardizedModelDataCarriesItsStatistics() throws IOException {
    FtrlModelData data = trained().modelData();
    byte[] bytes = data.toBytes();

    // magic, format, version, length, 21 doubles; count, length, 20 means, 20 squared deviations
    assertThat(bytes).hasSize(4 + 4 + 8 + 4 + 21 * 8 + 8 + 4 + 2 * 20 * 8);
    assertThat(bytes).startsWith('F', 'T', 'R', 'L', 0, 0, 0, 2);
    FtrlModelData decoded = FtrlModelData.decode(new ByteArrayInputStream(bytes));
    assertThat(decoded).isEqualTo(data);
    assertThat(decoded.standardizer().count()).isEqualTo(40 * 32);
  }

  @Test
  void rejectsWhatItCannotScore() {
    FtrlServable empty = new FtrlServable();
    DataFrame frame = frame("features", List.of(new LabeledVector(Vectors.dense(1, 2, 3), 0)));
    assertThatThrownBy(() -> empty.transform(frame))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setModelData");

    FtrlServable twoFeatures =
        new FtrlServable().setModelData(new FtrlModelData(Vectors.dense(1, 1, 0), 1));
    assertThatThrownBy(() -> twoFeatures.transform(frame))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores 2 features, got a vector of 3");

    assertThatThrownBy(
            () ->
                new FtrlServable().setModelData(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not FTRL model data");
    assertThatThrownBy(() -> new FtrlServable().setModelData(new ByteArrayInputStream[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
