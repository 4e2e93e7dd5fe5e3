package io.riskstream.generator;

import java.util.Random;

/**
 * The legitimate world: cards with their habits (typical amount, favourite terminals, home devices
 * and IPs) and the terminals they pay at. Genuine payments keep to those habits, so that a new
 * device, IP or terminal on a card means something to the features, but not always fraud:
 * households share a device, people pay from a café's Wi-Fi, and now and then from a new browser.
 */
final class Population {
  private static final int FAVOURITES_PER_CARD = 4;
  private static final double FAVOURITE_SHARE = 0.85;

  /** Cards with a second home device (phone and laptop); the rest have one. */
  private static final double SECOND_DEVICE_SHARE = 0.4;

  /** Cards that share their first device and home IP with the previous card: a household. */
  private static final double HOUSEHOLD_SHARE = 0.03;

  /** Genuine payments from the card's mobile IP rather than home. */
  private static final double MOBILE_IP_SHARE = 0.10;

  /** Genuine payments from a public hotspot, an address many cards share (travel, cafés). */
  private static final double HOTSPOT_IP_SHARE = 0.02;

  private static final int HOTSPOTS = 200;

  /** Genuine payments from a device seen once (a new browser, a borrowed phone). */
  private static final double ONE_OFF_DEVICE_SHARE = 0.005;

  private final Random random;
  private final Identities identities;
  private final String[] cardIds;
  private final String[] terminalIds;
  private final double[] typicalAmount;
  private final int[][] favourites;
  private final String[][] homeDevices;
  private final String[] homeIp;
  private final String[] mobileIp;
  private final String[] hotspotIps = new String[HOTSPOTS];

  Population(Random random, Identities identities, int cards, int terminals) {
    if (cards < 1 || terminals <= FAVOURITES_PER_CARD) {
      throw new IllegalArgumentException(
          "need at least 1 card and more than " + FAVOURITES_PER_CARD + " terminals");
    }
    this.random = random;
    this.identities = identities;
    this.cardIds = new String[cards];
    this.terminalIds = new String[terminals];
    this.typicalAmount = new double[cards];
    this.favourites = new int[cards][];
    this.homeDevices = new String[cards][];
    this.homeIp = new String[cards];
    this.mobileIp = new String[cards];
    for (int t = 0; t < terminals; t++) {
      terminalIds[t] = String.format("t-%04d", t);
    }
    for (int h = 0; h < HOTSPOTS; h++) {
      hotspotIps[h] = identities.newIp();
    }
    boolean previousJoined = false;
    for (int c = 0; c < cards; c++) {
      cardIds[c] = String.format("c-%05d", c);
      // Log-normal: a median near 30 with a long tail, as card spending is.
      typicalAmount[c] = Math.exp(3.4 + 0.7 * random.nextGaussian());
      favourites[c] = random.ints(0, terminals).distinct().limit(FAVOURITES_PER_CARD).toArray();
      homeDevices[c] = new String[random.nextDouble() < SECOND_DEVICE_SHARE ? 2 : 1];
      // Households of two only: a card joins its predecessor unless that one already joined.
      boolean joins = c > 0 && !previousJoined && random.nextDouble() < HOUSEHOLD_SHARE;
      homeDevices[c][0] = joins ? homeDevices[c - 1][0] : identities.newDevice();
      homeIp[c] = joins ? homeIp[c - 1] : identities.newIp();
      for (int d = 1; d < homeDevices[c].length; d++) {
        homeDevices[c][d] = identities.newDevice();
      }
      mobileIp[c] = identities.newIp();
      previousJoined = joins;
    }
  }

  int cards() {
    return cardIds.length;
  }

  int terminals() {
    return terminalIds.length;
  }

  String cardId(int card) {
    return cardIds[card];
  }

  String terminalId(int terminal) {
    return terminalIds[terminal];
  }

  double typicalAmount(int card) {
    return typicalAmount[card];
  }

  /** A uniformly chosen card. */
  int randomCard() {
    return random.nextInt(cardIds.length);
  }

  /** A terminal that is not one of the card's favourites. */
  int unusualTerminal(int card) {
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

  /** A legitimate payment: a uniformly chosen card paying as it usually does. */
  Payment genuine() {
    int card = randomCard();
    int terminal =
        random.nextDouble() < FAVOURITE_SHARE
            ? favourites[card][random.nextInt(FAVOURITES_PER_CARD)]
            : random.nextInt(terminalIds.length);
    double amount = typicalAmount[card] * Math.exp(0.4 * random.nextGaussian());
    String device =
        random.nextDouble() < ONE_OFF_DEVICE_SHARE
            ? identities.newDevice()
            : homeDevices[card][random.nextInt(homeDevices[card].length)];
    double where = random.nextDouble();
    String ip =
        where < HOTSPOT_IP_SHARE
            ? hotspotIps[random.nextInt(HOTSPOTS)]
            : where < HOTSPOT_IP_SHARE + MOBILE_IP_SHARE ? mobileIp[card] : homeIp[card];
    return new Payment(card, terminal, device, ip, amount, FraudPattern.NONE);
  }
}
