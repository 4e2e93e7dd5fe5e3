package io.riskstream.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/** {@link DashboardState} as JSON. */
final class StateJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private StateJson() {}

  static String of(DashboardState state) {
    try {
      return MAPPER.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
