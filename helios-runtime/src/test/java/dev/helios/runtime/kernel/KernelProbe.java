package dev.helios.runtime.kernel;

import dev.helios.runtime.Simulation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** Test access to a simulation's kernel: its private fields and its queue, to change one part at a time. */
public final class KernelProbe {
  private KernelProbe() {}

  /** The kernel behind {@code sim}'s facade. */
  public static Kernel kernelOf(Simulation sim) {
    try {
      Field field = Simulation.class.getDeclaredField("kernel");
      field.setAccessible(true);
      return (Kernel) field.get(sim);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Simulation has no kernel field", e);
    }
  }

  /** The kernel's private field {@code name}, made accessible. */
  public static Field kernelField(String name) {
    try {
      Field field = Kernel.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new AssertionError("Kernel has no field " + name, e);
    }
  }

  /** The value of the kernel's private field {@code name}. */
  public static Object read(Simulation sim, String name) {
    try {
      return kernelField(name).get(kernelOf(sim));
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Adds {@code delta} to one of the kernel's private {@code long} fields. */
  public static void addTo(Simulation sim, String name, long delta) {
    try {
      Field field = kernelField(name);
      Kernel kernel = kernelOf(sim);
      field.setLong(kernel, field.getLong(kernel) + delta);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static EventQueue queueOf(Simulation sim) {
    return (EventQueue) read(sim, "queue");
  }

  /** True if a delivery is waiting in the queue. */
  public static boolean hasPendingDelivery(Simulation sim) {
    boolean[] found = {false};
    queueOf(sim).forEachInOrder((time, kind, from, to, id, payload, digest) -> found[0] |= kind == EventQueue.DELIVER);
    return found[0];
  }

  /** The payloads of every pending event, in the order they will run (the objects the queue holds). */
  public static List<Object> pendingPayloads(Simulation sim) {
    List<Object> payloads = new ArrayList<>();
    queueOf(sim).forEachInOrder((time, kind, from, to, id, payload, digest) -> payloads.add(payload));
    return payloads;
  }

  /** Queues a delivery as a send would. */
  public static void pushDelivery(Simulation sim, long timeMicros, int from, int to, long messageId, Object message, long digest) {
    queueOf(sim).push(timeMicros, EventQueue.DELIVER, from, to, messageId, message, digest);
  }

  /** Cancels node {@code owner}'s timer as its handler would. */
  public static boolean cancelTimer(Simulation sim, int owner, long timerId) {
    return kernelOf(sim).cancelTimer(owner, timerId);
  }

  /** Node {@code node}'s random stream, the one its handlers draw from. */
  public static dev.helios.runtime.SimRandom randomOf(Simulation sim, int node) {
    return kernelOf(sim).randomOf(node);
  }
}
