/**
 * The fault language: one sealed family of faults ({@link dev.helios.runtime.fault.Fault}), faults
 * at a virtual time ({@link dev.helios.runtime.fault.ScheduledFault}), and one text form for both
 * that parses back, as in {@code partition 0-2 @ 50ms}. Depends only on the JDK and the runtime's
 * fingerprints.
 */
package dev.helios.runtime.fault;
