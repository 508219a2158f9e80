package dev.helios.runtime.trace;

/**
 * Receives each trace event as the kernel records it, in trace order, before the handler the event
 * starts runs (a delivery is seen before the sends its handler makes).
 *
 * <p>A listener runs inside the kernel's loop: it may read the simulation (its clock, nodes and
 * fingerprint) but must not run, step, fork or fault it, and must not throw (an exception ends the
 * run mid-event and the simulation must not be used further). With no listener attached the kernel
 * builds no event objects unless it is recording.
 */
@FunctionalInterface
public interface TraceListener {
  void onEvent(TraceEvent event);
}
