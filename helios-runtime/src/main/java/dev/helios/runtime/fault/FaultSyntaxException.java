package dev.helios.runtime.fault;

/**
 * Text that is not a fault: its message names the offending text, the rule it breaks and a correct
 * example, as in {@code cannot read fault "crsh 1 @ 50ms": unknown fault "crsh"; the faults are
 * crash, restart, ...}. Errors from a script add its line number in front.
 */
public final class FaultSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  FaultSyntaxException(String message) {
    super(message);
  }

  FaultSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
