package dev.helios.runtime;

/**
 * A seeded pseudo-random stream: SplitMix64 (Steele, Lea and Flood, 2014), pinned by golden-value
 * tests so that a seed means the same run on every JVM and in WebAssembly.
 *
 * <p>Each purpose (the network, each node) draws from its own stream, derived from the simulation
 * seed and a purpose number with {@link #derive}, so adding a node does not reshuffle the others.
 * Probabilities are compared as integers: {@link #thresholdOf} turns a ratio into a 53-bit threshold
 * once, and {@link #chance} compares 53 random bits with it.
 */
public final class SimRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final long RATIO_ONE = 1L << 53;

  private long state;

  /** A stream that starts from {@code seed}. */
  public SimRandom(long seed) {
    this.state = seed;
  }

  /** The stream for {@code purpose} under the simulation seed {@code seed}. */
  public static SimRandom derive(long seed, long purpose) {
    return new SimRandom(mix64(seed ^ mix64(purpose * GOLDEN_GAMMA + 0x632be59bd9b4e019L)));
  }

  /** A copy that continues exactly where this stream is; the two then advance independently. */
  public SimRandom copy() {
    return new SimRandom(state);
  }

  /** Where the stream is, for fingerprints: two streams with the same state draw the same values. */
  public long state() {
    return state;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** A uniform value in {@code [0, bound)}; {@code bound} must be positive. */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long mask = bound - 1;
    if ((bound & mask) == 0) {
      return nextLong() & mask;
    }
    if (bound <= 0xffffffffL) {
      return nextSmall(bound);
    }
    // Rejection sampling on 63 bits, as java.util.SplittableRandom does: unbiased, no 128-bit math.
    long bits = nextLong() >>> 1;
    long value = bits % bound;
    while (bits + mask - value < 0) {
      bits = nextLong() >>> 1;
      value = bits % bound;
    }
    return value;
  }

  /**
   * Lemire's multiply-and-shift on the high 32 bits, unbiased by rejection: a division only when
   * the low product falls under {@code bound}, which is rare. No 128-bit multiply, which TeaVM lacks.
   */
  private long nextSmall(long bound) {
    long product = (nextLong() >>> 32) * bound;
    long low = product & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        product = (nextLong() >>> 32) * bound;
        low = product & 0xffffffffL;
      }
    }
    return product >>> 32;
  }

  /** A uniform value in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** A uniform value in {@code [origin, bound)}; {@code origin < bound}. */
  public long nextLong(long origin, long bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("origin " + origin + " must be below bound " + bound);
    }
    return origin + nextLong(bound - origin);
  }

  /** A uniform double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A fair coin. */
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  /** True with the probability that {@code threshold} (from {@link #thresholdOf}) stands for. */
  public boolean chance(long threshold) {
    return (nextLong() >>> 11) < threshold;
  }

  /**
   * The integer threshold for {@code ratio} in [0, 1]: {@code chance(thresholdOf(r))} is true with
   * probability {@code r}, rounded to a multiple of 2^-53.
   */
  public static long thresholdOf(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be in [0, 1], got " + ratio);
    }
    return (long) (ratio * RATIO_ONE);
  }

  /** SplitMix64's finaliser (a variant of MurmurHash3's fmix64). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
