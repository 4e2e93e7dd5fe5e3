package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class FlinkTypesTest {
  @Test
  void messagesAndStateAreFlinkPojos() {
    // A Kryo fallback would be slow, and would break state schema evolution across upgrades.
    for (Class<?> type :
        new Class<?>[] {
          FeatureRecord.class,
          LabelEvent.class,
          ScoringRequest.class,
          EntityState.class,
          BucketSeries.class,
          WindowedKeys.class,
          FeatureSlot.class,
          FeatureHistory.class
        }) {
      assertThat(TypeInformation.of(type))
          .as(type.getSimpleName())
          .isInstanceOf(PojoTypeInfo.class);
    }
  }
}
