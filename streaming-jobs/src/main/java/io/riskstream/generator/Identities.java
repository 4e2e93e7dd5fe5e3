package io.riskstream.generator;

/**
 * Hands out synthetic device ids ({@code d-123456}) and IPv4 addresses (in 10.0.0.0/8, private and
 * never contacted). Each index maps to a distinct id through a fixed bijective scramble, so that an
 * id says nothing about when or for whom it was allocated: a model must not learn that high device
 * numbers are fraudsters' just because they were handed out late.
 */
final class Identities {
  private static final long DEVICE_SPACE = 1_000_000;
  private static final long IP_SPACE = 1L << 24;

  private long devices;
  private long ips;

  /** A device id never handed out before by this instance. */
  String newDevice() {
    return deviceId(devices++);
  }

  /**
   * An address never handed out before by this instance, until 2^24 of them have been (months of a
   * fast stream): then they repeat, which for synthetic traffic is harmless.
   */
  String newIp() {
    return ip(ips++);
  }

  static String deviceId(long index) {
    if (index >= DEVICE_SPACE) {
      return "d-" + index; // 7+ digits: still distinct from every scrambled 6-digit id
    }
    // 738_197 is coprime to 10^6, so this is a permutation of the 6-digit ids.
    long scrambled = (index * 738_197L + 411_923L) % DEVICE_SPACE;
    return String.format("d-%06d", scrambled);
  }

  static String ip(long index) {
    // An odd multiplier is a permutation modulo 2^24.
    long x = ((index % IP_SPACE) * 0x9E3779B1L + 0x5A17L) & (IP_SPACE - 1);
    return "10." + (x >>> 16) + "." + ((x >>> 8) & 0xFF) + "." + (x & 0xFF);
  }
}
