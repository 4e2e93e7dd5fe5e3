package io.riskstream.generator;

import java.util.Random;

/**
 * A fraud pattern whose episodes start with a fixed chance per transaction and plan their fraud
 * payments on the {@link Agenda} at once (card bursts, testing, takeovers, rings).
 */
abstract class PlannedEpisodes implements FraudScenario {
  protected final Random random;
  protected final Population population;
  protected final Identities identities;
  protected final Agenda agenda;
  private final double startProbability;

  PlannedEpisodes(
      Random random,
      Population population,
      Identities identities,
      Agenda agenda,
      double startProbability) {
    this.random = random;
    this.population = population;
    this.identities = identities;
    this.agenda = agenda;
    this.startProbability = startProbability;
  }

  @Override
  public final void step(long sequence, long nowMillis) {
    if (random.nextDouble() < startProbability) {
      planEpisode(nowMillis);
    }
  }

  /** Plans one episode's payments, the first due at {@code nowMillis} or later. */
  abstract void planEpisode(long nowMillis);
}
