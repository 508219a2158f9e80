package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.List;
import java.util.Objects;

/**
 * A scenario in which a check failed: which check and why, the run seed and the faults taken, and
 * where the run stood (virtual time, trace hash). {@link #replay()} rebuilds it with its trace and
 * {@link #shrink()} finds a smaller scenario that fails the same check. Equal violations have equal
 * fields; the space they came from is not compared.
 */
public final class Violation {
  private final Space space;
  private final long scenarioIndex;
  private final String check;
  private final String message;
  private final long seed;
  private final List<ScheduledFault> faults;
  private final List<ScheduledFault> skipped;
  private final long untilMicros;
  private final long timeMicros;
  private final long eventCount;
  /** The trace hash; for a violation found through dedup, worked out from a replay when first asked. */
  private volatile long traceHash;
  private volatile boolean traceHashKnown;

  Violation(
      Space space,
      long scenarioIndex,
      String check,
      String message,
      long seed,
      List<ScheduledFault> faults,
      List<ScheduledFault> skipped,
      long untilMicros,
      long timeMicros,
      long eventCount,
      long traceHash) {
    this.space = space;
    this.scenarioIndex = scenarioIndex;
    this.check = check;
    this.message = message;
    this.seed = seed;
    this.faults = List.copyOf(faults);
    this.skipped = List.copyOf(skipped);
    this.untilMicros = untilMicros;
    this.timeMicros = timeMicros;
    this.eventCount = eventCount;
    this.traceHash = traceHash;
    this.traceHashKnown = true;
  }

  static Violation of(Space space, long scenarioIndex, long seed, List<ScheduledFault> faults, List<ScheduledFault> skipped, long untilMicros, Finding finding) {
    return new Violation(space, scenarioIndex, finding.check(), finding.message(), seed, faults, skipped,
        untilMicros, finding.timeMicros(), finding.eventCount(), finding.traceHash());
  }

  /**
   * A violation found through dedup: its check, message, time and event count are those of the
   * equal branch it stands for (same state, same future), but its trace, which includes the faults
   * that led here, is its own: its hash is worked out from a replay when first asked for.
   */
  static Violation withTraceHashOnReplay(
      Space space, long scenarioIndex, long seed, List<ScheduledFault> faults, List<ScheduledFault> skipped, long untilMicros, Finding finding) {
    Violation violation = of(space, scenarioIndex, seed, faults, skipped, untilMicros, finding);
    violation.traceHashKnown = false;
    return violation;
  }

  /** The name of the check that failed ({@code "node failure"} when a node's handler threw). */
  public String check() {
    return check;
  }

  /** Why: {@code returned false}, {@code threw ...} or {@code did not hold within ...}, and when. */
  public String message() {
    return message;
  }

  /** The run seed. */
  public long seed() {
    return seed;
  }

  /** The faults this scenario applied, by time; each prints in the fault text form ({@code crash 1 @ 50ms}). */
  public List<ScheduledFault> faults() {
    return faults;
  }

  /** The faults this scenario chose but skipped because they could not apply (a restart of a running node). */
  public List<ScheduledFault> skipped() {
    return skipped;
  }

  /** The faults as one line of fault text, {@code ;} between them; empty for none. */
  public String faultText() {
    return oneLine(faults);
  }

  /** {@code faults} as one line of fault text, {@code ;} between them; {@link ScheduledFault#parseAll} reads it back. */
  static String oneLine(List<ScheduledFault> faults) {
    StringBuilder text = new StringBuilder();
    for (ScheduledFault fault : faults) {
      text.append(text.length() == 0 ? "" : "; ").append(fault);
    }
    return text.toString();
  }

  /** Where the scenario was bounded (µs), or -1 if it ran until nothing was left. */
  public long untilMicros() {
    return untilMicros;
  }

  /** The virtual time of the violation, in µs. */
  public long timeMicros() {
    return timeMicros;
  }

  /** The events processed when the check failed. */
  public long eventCount() {
    return eventCount;
  }

  /** The trace hash when the check failed; {@link #replay()} reaches the same. */
  public long traceHash() {
    if (!traceHashKnown) {
      // Found through dedup: replay once. Two threads asking at once both get the same value.
      Finding finding = ScenarioWalk.run(space, seed, faults, untilMicros, false, null, null);
      if (finding == null || !finding.check().equals(check)) {
        throw new IllegalStateException("the replay of " + this + " found " + (finding == null ? "no violation" : finding.check())
            + ", though an equal branch (same fingerprint) failed \"" + check + "\": a check reads something a fingerprint"
            + " leaves out, such as the trace; make it read the state, or explore with dedup(false)");
      }
      traceHash = finding.traceHash();
      traceHashKnown = true;
    }
    return traceHash;
  }

  /** The scenario's place in the exploration: seed index, then the choices taken as bits, earliest first. */
  public long scenarioIndex() {
    return scenarioIndex;
  }

  /**
   * The failing simulation again, with its trace recorded, stopped where the check failed: same
   * seed, same faults, same bound.
   */
  public Simulation replay() {
    Simulation[] sim = new Simulation[1];
    ScenarioWalk.run(space, seed, faults, untilMicros, true, sim, null);
    return sim[0];
  }

  /**
   * A violation of the same check with as few faults as fail it (the smallest subset that does),
   * then each fault as late as it still fails, then the earliest bound; this one if nothing smaller fails.
   */
  public Violation shrink() {
    return Shrinker.shrink(space, this);
  }

  /**
   * The arguments for a generated main that replay this scenario with the space's checks, when
   * {@code build(seed)} made the explored simulation from the run seed it was given:
   * {@code --seed 3 --faults "crash 1 @ 50ms"} ({@code --faults ""} when it took no fault).
   */
  public String replayArguments() {
    return replayArguments(space.origin.seed());
  }

  /**
   * As {@link #replayArguments()}, for a main that built the explored simulation with
   * {@code build(buildSeed)}: when this violation's run seed differs (the space crossed
   * {@code seeds(...)}), {@code --run-seed} names it, so the replay builds the same simulation.
   */
  public String replayArguments(long buildSeed) {
    StringBuilder args = new StringBuilder("--seed ").append(buildSeed);
    if (seed != buildSeed) {
      args.append(" --run-seed ").append(seed);
    }
    // --faults, even empty, runs the scenario with the space's checks; a bare --seed runs build(seed) alone.
    args.append(" --faults \"").append(faultText()).append('"');
    if (untilMicros >= 0 && untilMicros != space.untilMicros) {
      args.append(" --until ").append(untilMicros / 1000); // the shrinker keeps bounds in whole ms
    }
    return args.toString();
  }

  /**
   * The query string of the browser visualizer's link that replays this violation, as
   * {@link #replayArguments(long)} does on the command line:
   * {@code sim=NAME&seed=B[&run-seed=S]&faults=...[&until=MS]&run}, percent-encoded. Append it to
   * the site's address after {@code ?} (see docs/WASM_GUIDE.md).
   *
   * @param simulation the {@code @SimulationMain} class's simple or qualified name
   */
  public String viewQuery(String simulation, long buildSeed) {
    StringBuilder query = new StringBuilder("sim=").append(percentEncoded(simulation)).append("&seed=").append(buildSeed);
    if (seed != buildSeed) {
      query.append("&run-seed=").append(seed);
    }
    query.append("&faults=").append(percentEncoded(faultText()));
    if (untilMicros >= 0 && untilMicros != space.untilMicros) {
      query.append("&until=").append(untilMicros / 1000);
    }
    return query.append("&run").toString();
  }

  /** {@code text} with everything but unreserved characters (RFC 3986) as %XX of its UTF-8 bytes. */
  private static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
      }
    }
    return encoded.toString();
  }

  /** One line: check, message, seed and faults. */
  @Override
  public String toString() {
    return check + ": " + message + " (seed " + seed + (faults.isEmpty() ? ", no faults" : ", faults: " + faultText()) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Violation that
        && scenarioIndex == that.scenarioIndex && seed == that.seed && untilMicros == that.untilMicros
        && timeMicros == that.timeMicros && eventCount == that.eventCount && traceHash() == that.traceHash()
        && check.equals(that.check) && message.equals(that.message) && faults.equals(that.faults) && skipped.equals(that.skipped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenarioIndex, check, message, seed, faults, timeMicros, eventCount); // not the hash: it may not be known yet
  }
}
