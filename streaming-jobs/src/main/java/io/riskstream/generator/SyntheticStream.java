package io.riskstream.generator;

import io.riskstream.schemas.Transaction;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible stream of card payments, each with a device id and an IP address, in which
 * the fraud patterns the card, terminal and graph features are for occur at a realistic overall
 * rate of about 2.5 %:
 *
 * <ul>
 *   <li>{@link CompromisedCards}: a burst of high amounts at terminals the card never uses.
 *   <li>{@link CompromisedTerminals}: all payments at a terminal are fraud for a while.
 *   <li>{@link CardTesting}: a quick burst of tiny amounts from a device new to the card.
 *   <li>{@link AccountTakeover}: high amounts from a device and IP new to the card.
 *   <li>{@link FraudRings}: a few devices and IPs shared by several stolen cards.
 * </ul>
 *
 * <p>Everything else is legitimate ({@link Population}): a uniformly chosen card pays around its
 * typical amount, mostly at a favourite terminal, from one of its home devices and its home or
 * mobile IP. Episodes start with a fixed chance per generated transaction and plan their payments
 * in event time, so bursts last minutes and the fraud rate does not depend on the caller's rate.
 *
 * <p>Same seed and same sequence of calls: same stream, ids, devices and IPs included. Not
 * thread-safe.
 */
public final class SyntheticStream {
  public static final int DEFAULT_CARDS = 2_000;
  public static final int DEFAULT_TERMINALS = 500;

  private final String idPrefix;
  private final Population population;
  private final Agenda agenda = new Agenda();
  private final List<FraudScenario> scenarios;

  private long sequence;

  public SyntheticStream(long seed) {
    this(seed, DEFAULT_CARDS, DEFAULT_TERMINALS);
  }

  public SyntheticStream(long seed, int cards, int terminals) {
    // One generator for everything, drawn from in a fixed order: the stream is a function of seed.
    Random random = new Random(seed);
    Identities identities = new Identities();
    this.idPrefix = "tx-" + Long.toHexString(seed) + "-";
    this.population = new Population(random, identities, cards, terminals);
    this.scenarios =
        List.of(
            new CompromisedCards(random, population, identities, agenda),
            new CompromisedTerminals(random, population),
            new CardTesting(random, population, identities, agenda),
            new AccountTakeover(random, population, identities, agenda),
            new FraudRings(random, population, identities, agenda));
  }

  /** The next transaction, stamped with {@code eventTimeMillis}. */
  public GeneratedTransaction next(long eventTimeMillis) {
    sequence++;
    for (FraudScenario scenario : scenarios) {
      scenario.step(sequence, eventTimeMillis);
    }
    // A planned fraud payment that is due takes this transaction's place; one per call, so a busy
    // agenda delays fraud a little rather than flood the stream.
    Payment payment = agenda.takeDue(eventTimeMillis);
    if (payment == null) {
      payment = population.genuine();
      for (FraudScenario scenario : scenarios) {
        payment = scenario.alter(payment);
      }
    }
    return build(payment, eventTimeMillis);
  }

  private GeneratedTransaction build(Payment p, long eventTimeMillis) {
    Transaction t =
        Transaction.newBuilder()
            .setTransactionId(idPrefix + sequence)
            .setCardId(population.cardId(p.card()))
            .setTerminalId(population.terminalId(p.terminal()))
            .setAmount(Math.round(p.amount() * 100) / 100.0)
            .setEventTime(eventTimeMillis)
            .setDeviceId(p.device())
            .setIpAddress(p.ip())
            .build();
    return new GeneratedTransaction(t, p.pattern() != FraudPattern.NONE, p.pattern());
  }
}
