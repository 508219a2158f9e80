package dev.helios.runtime.check;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.internal.Fingerprints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Runs one simulation per seed over a range and collects how each ended: the seed sweep behind the
 * generated main's {@code --seeds A..B}, usable as plain code from tests and tools.
 *
 * @param runs one per seed, in seed order
 * @param combinedHash a digest of every run's trace hash, in seed order: equal sweeps, equal hashes
 */
public record SeedSweep(List<SeedRun> runs, long combinedHash) {
  public SeedSweep {
    runs = List.copyOf(runs);
  }

  /**
   * Runs seeds {@code fromSeed} to {@code toSeed} (both included) with {@code build} and {@code run},
   * handing each seed's outcome to {@code onEachRun} as soon as it is known.
   */
  public static SeedSweep run(
      long fromSeed, long toSeed, LongFunction<Simulation> build, Function<Simulation, RunResult> run,
      Consumer<SeedRun> onEachRun) {
    if (fromSeed > toSeed) {
      throw new IllegalArgumentException("a seed range runs from low to high, got " + fromSeed + ".." + toSeed);
    }
    List<SeedRun> runs = new ArrayList<>();
    long combinedHash = 0;
    for (long seed = fromSeed; ; seed++) {
      SeedRun seedRun = SeedRun.of(seed, build, run);
      runs.add(seedRun);
      combinedHash = Fingerprints.mix(combinedHash, seedRun.traceHash());
      onEachRun.accept(seedRun);
      if (seed == toSeed) {
        return new SeedSweep(runs, combinedHash);
      }
    }
  }

  /** The seeds whose run did not end well, ascending. */
  public List<Long> failedSeeds() {
    List<Long> failed = new ArrayList<>();
    for (SeedRun run : runs) {
      if (!run.ok()) {
        failed.add(run.seed());
      }
    }
    return failed;
  }

  /** Events over every run. */
  public long eventCount() {
    long events = 0;
    for (SeedRun run : runs) {
      events += run.eventCount();
    }
    return events;
  }

  /** Virtual time over every run, in microseconds. */
  public long virtualTimeMicros() {
    long micros = 0;
    for (SeedRun run : runs) {
      micros += run.virtualTimeMicros();
    }
    return micros;
  }
}
