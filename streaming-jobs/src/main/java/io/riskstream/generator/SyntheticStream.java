package io.riskstream.generator;

import io.riskstream.schemas.Transaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, reproducible stream of card payments with two fraud patterns that the card and terminal
 * features can see:
 *
 * <ol>
 *   <li>Compromised cards: a burst of several high amounts at terminals the card never uses, within
 *       a few dozen transactions of the stream (card counts and amount ratios jump).
 *   <li>Compromised terminals: for a few thousand transactions of the stream every payment at the
 *       terminal is fraud, at two to five times the card's usual amount.
 * </ol>
 *
 * <p>Everything else is legitimate: a uniformly chosen card pays around its typical amount, mostly
 * at one of its favourite terminals. Patterns start and end by count of generated transactions, not
 * by event time, so the fraud rate (about 2 %) does not depend on the caller's rate.
 *
 * <p>Same seed and same sequence of calls: same stream, ids included. Not thread-safe.
 */
public final class SyntheticStream {
  public static final int DEFAULT_CARDS = 2_000;
  public static final int DEFAULT_TERMINALS = 500;

  private static final int FAVOURITES_PER_CARD = 4;
  private static final double FAVOURITE_SHARE = 0.85;

  /** Per generated transaction; with bursts of 5.5 on average about 1.4 % card fraud. */
  private static final double CARD_COMPROMISE_PROBABILITY = 0.0025;

  /** Chance per transaction that a pending burst transaction goes out now: bursts stay short. */
  private static final double BURST_STEP_PROBABILITY = 0.3;

  /** Per transaction; about 4 terminals compromised at a time, about 0.8 % terminal fraud. */
  private static final double TERMINAL_COMPROMISE_PROBABILITY = 0.001;

  private final Random random;
  private final String idPrefix;
  private final String[] cardIds;
  private final String[] terminalIds;
  private final double[] typicalAmount;
  private final int[][] favourites;

  /** Active compromised-card bursts, oldest first. */
  private final Deque<Burst> bursts = new ArrayDeque<>();

  /** Compromised terminal index -> sequence number at which the compromise ends. */
  private final Map<Integer, Long> compromisedTerminals = new HashMap<>();

  private long sequence;

  public SyntheticStream(long seed) {
    this(seed, DEFAULT_CARDS, DEFAULT_TERMINALS);
  }

  public SyntheticStream(long seed, int cards, int terminals) {
    if (cards < 1 || terminals <= FAVOURITES_PER_CARD) {
      throw new IllegalArgumentException(
          "need at least 1 card and more than " + FAVOURITES_PER_CARD + " terminals");
    }
    this.random = new Random(seed);
    this.idPrefix = "tx-" + Long.toHexString(seed) + "-";
    this.cardIds = new String[cards];
    this.terminalIds = new String[terminals];
    this.typicalAmount = new double[cards];
    this.favourites = new int[cards][];
    for (int t = 0; t < terminals; t++) {
      terminalIds[t] = String.format("t-%04d", t);
    }
    for (int c = 0; c < cards; c++) {
      cardIds[c] = String.format("c-%05d", c);
      // Log-normal: a median near 30 with a long tail, as card spending is.
      typicalAmount[c] = Math.exp(3.4 + 0.7 * random.nextGaussian());
      favourites[c] = random.ints(0, terminals).distinct().limit(FAVOURITES_PER_CARD).toArray();
    }
  }

  /** The next transaction, stamped with {@code eventTimeMillis}. */
  public GeneratedTransaction next(long eventTimeMillis) {
    sequence++;
    endExpiredTerminalCompromises();
    maybeStartCompromises();

    if (!bursts.isEmpty() && random.nextDouble() < BURST_STEP_PROBABILITY) {
      return burstTransaction(eventTimeMillis);
    }
    int card = random.nextInt(cardIds.length);
    int terminal =
        random.nextDouble() < FAVOURITE_SHARE
            ? favourites[card][random.nextInt(FAVOURITES_PER_CARD)]
            : random.nextInt(terminalIds.length);
    double amount = typicalAmount[card] * Math.exp(0.4 * random.nextGaussian());
    if (compromisedTerminals.containsKey(terminal)) {
      amount *= 2 + 3 * random.nextDouble();
      return build(card, terminal, amount, eventTimeMillis, FraudPattern.COMPROMISED_TERMINAL);
    }
    return build(card, terminal, amount, eventTimeMillis, FraudPattern.NONE);
  }

  private void maybeStartCompromises() {
    if (random.nextDouble() < CARD_COMPROMISE_PROBABILITY) {
      bursts.addLast(new Burst(random.nextInt(cardIds.length), 3 + random.nextInt(6)));
    }
    if (random.nextDouble() < TERMINAL_COMPROMISE_PROBABILITY) {
      int terminal = random.nextInt(terminalIds.length);
      compromisedTerminals.put(terminal, sequence + 2_000 + random.nextInt(4_000));
    }
  }

  private void endExpiredTerminalCompromises() {
    for (Iterator<Long> it = compromisedTerminals.values().iterator(); it.hasNext(); ) {
      if (it.next() <= sequence) {
        it.remove();
      }
    }
  }

  private GeneratedTransaction burstTransaction(long eventTimeMillis) {
    Burst burst = bursts.peekFirst();
    if (--burst.remaining == 0) {
      bursts.removeFirst();
    }
    int terminal = unusualTerminal(burst.card);
    // Fraudsters cash out: several times the usual amount, and never pocket change.
    double amount =
        Math.max(
            typicalAmount[burst.card] * (4 + 8 * random.nextDouble()),
            150 + 350 * random.nextDouble());
    return build(burst.card, terminal, amount, eventTimeMillis, FraudPattern.COMPROMISED_CARD);
  }

  private int unusualTerminal(int card) {
    while (true) {
      int terminal = random.nextInt(terminalIds.length);
      boolean favourite = false;
      for (int f : favourites[card]) {
        favourite |= f == terminal;
      }
      if (!favourite) {
        return terminal;
      }
    }
  }

  private GeneratedTransaction build(
      int card, int terminal, double amount, long eventTimeMillis, FraudPattern pattern) {
    Transaction t =
        Transaction.newBuilder()
            .setTransactionId(idPrefix + sequence)
            .setCardId(cardIds[card])
            .setTerminalId(terminalIds[terminal])
            .setAmount(Math.round(amount * 100) / 100.0)
            .setEventTime(eventTimeMillis)
            .build();
    return new GeneratedTransaction(t, pattern != FraudPattern.NONE, pattern);
  }

  private static final class Burst {
    final int card;
    int remaining;

    Burst(int card, int remaining) {
      this.card = card;
      this.remaining = remaining;
    }
  }
}
