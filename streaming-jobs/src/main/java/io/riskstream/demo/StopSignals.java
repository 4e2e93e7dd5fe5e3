package io.riskstream.demo;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a stop request instead of a JVM shutdown, so the demo can
 * stop its parts in order — the Flink jobs with a savepoint need the broker still running, and
 * Flink's own shutdown hooks would tear the MiniCluster down under them. A second signal exits at
 * once.
 */
final class StopSignals implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile boolean requested;

  StopSignals() {
    for (String name : SIGNALS) {
      previous.add(Signal.handle(new Signal(name), this::onSignal));
    }
  }

  private void onSignal(Signal signal) {
    if (requested) {
      System.exit(128 + signal.getNumber());
    }
    requested = true;
  }

  boolean requested() {
    return requested;
  }

  @Override
  public void close() {
    for (int i = 0; i < SIGNALS.size(); i++) {
      Signal.handle(new Signal(SIGNALS.get(i)), previous.get(i));
    }
  }
}
