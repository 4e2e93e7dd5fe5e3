package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {

  private static final String EXAMPLE =
      "head=ftrl(alpha=0.05,beta=1,l1=0.001,l2=0.01);experts=adam(lr=0.01);"
          + "embeddings=adagrad(lr=0.05)";

  @Test
  void parsesTheCompactForm() {
    TrainingPlan plan = TrainingPlan.parse(EXAMPLE);
    assertThat(plan.optimizers())
        .containsExactly(
            org.assertj.core.api.Assertions.entry(
                "head", new OptimizerSpec.Ftrl(0.05, 1, 0.001, 0.01)),
            org.assertj.core.api.Assertions.entry("experts", new OptimizerSpec.Adam(0.01)),
            org.assertj.core.api.Assertions.entry(
                "embeddings", new OptimizerSpec.AdaGrad(0.05, 0.1)));
    assertThat(plan.loss()).isEqualTo(new Loss.WeightedBce(1));
    assertThat(plan.maxGradNorm()).isEqualTo(5);
    assertThat(plan.optimizerFor("experts/3")).isEqualTo(new OptimizerSpec.Adam(0.01));
    assertThat(plan.optimizerFor("gate")).isNull();
  }

  @Test
  void roundTripsThroughToString() throws Exception {
    for (String text :
        new String[] {
          EXAMPLE,
          "head=ftrl;loss=focal(gamma=2,alpha=0.25);clip=1.5",
          "experts=adam(lr=0.003);experts/1=adagrad(lr=0.1,init=0.5);loss=bce(pos=20)",
          "head=ftrl(alpha=0.1,beta=0.5,reg=0.03,elasticNet=0.3)"
        }) {
      TrainingPlan plan = TrainingPlan.parse(text);
      assertThat(TrainingPlan.parse(plan.toString())).as(text).isEqualTo(plan);
      assertThat(TrainingPlan.parse(plan.toString()).toString()).isEqualTo(plan.toString());
    }
    assertThat(TrainingPlan.parse(EXAMPLE).toString())
        .isEqualTo(
            "head=ftrl(alpha=0.05,beta=1,l1=0.001,l2=0.01);experts=adam(lr=0.01);"
                + "embeddings=adagrad(lr=0.05,init=0.1);loss=bce(pos=1);clip=5");
    TrainingPlan defaults = TrainingPlan.defaults();
    assertThat(TrainingPlan.parse(defaults.toString())).isEqualTo(defaults);
    assertThat(deserialize(serialize(defaults))).isEqualTo(defaults);
  }

  @Test
  void elasticNetSplitsTheRegularization() {
    OptimizerSpec ftrl =
        TrainingPlan.parse("head=ftrl(reg=0.1,elasticNet=0.25)").optimizerFor("head");
    assertThat(ftrl).isEqualTo(OptimizerSpec.Ftrl.ofElasticNet(0.05, 1, 0.1, 0.25));
    OptimizerSpec.Ftrl f = (OptimizerSpec.Ftrl) ftrl;
    assertThat(f.l1()).isCloseTo(0.025, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(f.l2()).isCloseTo(0.075, org.assertj.core.api.Assertions.within(1e-15));
  }

  @Test
  void defaultsTrainTheHeadWithFtrlAndTheExpertsWithAdam() {
    TrainingPlan plan = TrainingPlan.defaults();
    assertThat(plan.optimizerFor("head")).isInstanceOf(OptimizerSpec.Ftrl.class);
    assertThat(plan.optimizerFor("experts/0")).isEqualTo(new OptimizerSpec.Adam(0.01));
    assertThat(plan.optimizers()).containsOnlyKeys("head", "experts");
  }

  @Test
  void namesWhatIsWrongInOneLine() {
    assertRejected("heads=adam", "unknown parameter group 'heads'");
    assertRejected("head=sgd(lr=0.1)", "unknown optimizer 'sgd' for group 'head'");
    assertRejected("head=adam(learningRate=0.1)", "unknown parameter 'learningRate' for adam");
    assertRejected("head=adam(lr=fast)", "bad number 'fast' for parameter lr of adam");
    assertRejected("head=adam(lr=-1)", "adam parameter lr must be finite and > 0");
    assertRejected("head=ftrl(l1=0.1,reg=0.2)", "either l1, l2 or reg, elasticNet");
    assertRejected("head=ftrl(elasticNet=2)", "elasticNet must be in [0, 1]");
    assertRejected("head=adam;loss=hinge", "unknown loss 'hinge'");
    assertRejected("head=adam;loss=focal(alpha=1)", "alpha must be in (0, 1)");
    assertRejected("head=adam;clip=x", "bad number 'x' for parameter clip");
    assertRejected("head=adam;clip=0", "clip must be > 0");
    assertRejected("head=adam;head=ftrl", "'head' is given twice");
    assertRejected("head", "is not name=value");
    assertRejected("head=adam(lr=0.1", "malformed");
    assertRejected("loss=bce", "at least one group");
    assertRejected("", "empty");
  }

  @Test
  void trainerRejectsAnExpertTheModelLacks() {
    try (FraudModel model = FraudModel.create(TestData.SMALL)) {
      assertThatThrownBy(() -> new OnlineTrainer(model, TrainingPlan.parse("experts/7=adam")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("experts/7");
    }
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> TrainingPlan.parse(text))
        .as(text)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static byte[] serialize(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
