package dev.helios.runtime;

/** The API's one units rule in code: milliseconds unless a name ends in {@code Micros}. */
final class Units {
  /** The most milliseconds that still count in microseconds as a long. */
  static final long MILLIS_MAX = Long.MAX_VALUE / 1000;

  private Units() {}

  /** {@code millis} in microseconds, refusing a negative time and one too large to count. */
  static long millisToMicros(String what, long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(what + " must be zero or more, got " + millis + " ms");
    }
    if (millis > MILLIS_MAX) {
      throw new IllegalArgumentException(
          what + " of " + millis + " ms is too large: times are counted in microseconds, up to " + MILLIS_MAX + " ms");
    }
    return millis * 1000;
  }

  /** A time for messages: {@code 50 ms} when whole milliseconds, else {@code 1500 µs}. */
  static String describeMicros(long micros) {
    return micros % 1000 == 0 ? micros / 1000 + " ms" : micros + " µs";
  }

  /** {@code micros}, refusing a negative time. */
  static long checkMicros(String what, long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException(what + " must be zero or more, got " + micros + " µs");
    }
    return micros;
  }
}
