package io.riskstream.learner.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FtrlParamsParseTest {

  @Test
  void readsNoneDefaultsAndGivenParameters() {
    assertThat(FtrlParams.parseOrNone("none")).isNull();
    assertThat(FtrlParams.parseOrNone("ftrl")).isEqualTo(FtrlParams.defaults());
    FtrlParams given = FtrlParams.parseOrNone("ftrl(alpha=0.5, reg=0.01,elasticNet=1)");
    // beta is the default, 1.
    assertThat(given).isEqualTo(new FtrlParams(0.5, 1, 0.01, 1));
    assertThat(FtrlParams.parseOrNone(given.spec())).isEqualTo(given);
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> FtrlParams.parseOrNone("sgd")).hasMessageContaining("none or ftrl");
    assertThatThrownBy(() -> FtrlParams.parseOrNone("ftrl(gamma=1)"))
        .hasMessageContaining("unknown challenger parameter 'gamma=1'");
    assertThatThrownBy(() -> FtrlParams.parseOrNone("ftrl(alpha=fast)"))
        .hasMessageContaining("bad number 'fast' for challenger parameter alpha");
  }
}
