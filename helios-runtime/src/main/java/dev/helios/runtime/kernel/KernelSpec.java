package dev.helios.runtime.kernel;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a {@link Kernel} is built from, as {@code SimulationBuilder} checked it.
 *
 * @param nodes the nodes, ascending by id, at least one
 * @param scheduled the sends and faults, in the order they were given (same-time events run in it)
 */
public record KernelSpec(
    long seed,
    long eventsMax,
    long horizonMicros,
    boolean recording,
    Network network,
    List<NodeSpec> nodes,
    List<Scheduled> scheduled) {

  public KernelSpec {
    nodes = List.copyOf(nodes);
    scheduled = List.copyOf(scheduled);
  }

  /** A node's id and the factory that makes it (called at build, on restarts and on forks). */
  public record NodeSpec(int id, Supplier<?> factory) {}

  /** Something scheduled before the run: a send or a fault. */
  public sealed interface Scheduled {
    long atMicros();
  }

  /** Node {@code from} sends {@code payload} to {@code to} at {@code atMicros}. */
  public record ScheduledSend(int from, int to, Object payload, long atMicros) implements Scheduled {}

  /** A fault at its time. */
  public record ScheduledFaultEntry(ScheduledFault fault) implements Scheduled {
    @Override
    public long atMicros() {
      return fault.atMicros();
    }
  }
}
