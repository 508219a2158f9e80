package dev.helios.junit;

/**
 * The failure of one seed of a {@link SimulationTest}: the original failure (the cause, whose stack
 * trace this one shows too) with what it takes to replay it in the message: the seed, the file the
 * seed was saved to, the replay command and the last trace events.
 */
public final class SimulationTestFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;

  SimulationTestFailure(String message, long seed, Throwable cause) {
    super(message, cause);
    this.seed = seed;
    // Point at the failing line of the test, not at the extension that reports it.
    setStackTrace(cause.getStackTrace());
  }

  /** The seed that failed. */
  public long seed() {
    return seed;
  }
}
