package io.riskstream.learner.challenger;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * How the challenger travels on model-updates: one record per version with the group name {@link
 * #GROUP}, its payload the FTRL model data ({@link FtrlModelData#toBytes()}), and in its metrics
 * {@link #DECIDES} = 1 while the challenger is promoted (scorers then decide with it), 0 otherwise.
 */
public final class ChallengerRecord {
  /** The record's group name; not a parameter group of the network. */
  public static final String GROUP = "challenger";

  /** The metric that says whether the challenger decides. */
  public static final String DECIDES = "challenger_decides";

  private ChallengerRecord() {}

  /**
   * @throws IllegalArgumentException for a payload that is not FTRL model data
   */
  public static FtrlModelData decode(byte[] payload) {
    try {
      return FtrlModelData.decode(new ByteArrayInputStream(payload));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "challenger payload is not FTRL model data: " + e.getMessage());
    }
  }
}
