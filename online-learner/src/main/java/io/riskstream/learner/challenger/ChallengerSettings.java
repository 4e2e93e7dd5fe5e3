package io.riskstream.learner.challenger;

import java.io.Serializable;

/**
 * The challenger: its FTRL parameters, and whether it is promoted (decides in the scorers) once its
 * prequential average precision beats the champion's by {@code margin}, and demoted again once the
 * champion's beats it by as much.
 */
public record ChallengerSettings(FtrlParams ftrl, boolean promote, double margin)
    implements Serializable {

  /** The AP lead that promotes or demotes: small leads over a noisy window do not flip-flop. */
  public static final double DEFAULT_MARGIN = 0.02;

  public ChallengerSettings {
    if (ftrl == null) {
      throw new IllegalArgumentException("challenger FTRL parameters must be given");
    }
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("challenger margin must be in [0, 1), got " + margin);
    }
  }

  /** Scored in the champion's shadow only, never promoted. */
  public static ChallengerSettings shadow(FtrlParams ftrl) {
    return new ChallengerSettings(ftrl, false, DEFAULT_MARGIN);
  }

  /** Promoted when it wins by the default margin. */
  public static ChallengerSettings promotable(FtrlParams ftrl) {
    return new ChallengerSettings(ftrl, true, DEFAULT_MARGIN);
  }
}
