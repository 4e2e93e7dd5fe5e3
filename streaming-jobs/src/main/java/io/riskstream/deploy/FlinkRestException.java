package io.riskstream.deploy;

/** A call to Flink's REST API failed; the message is one line naming the call and the reason. */
public final class FlinkRestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlinkRestException(String message) {
    super(message);
  }
}
