package dev.helios.examples.twopc;

/** How a transaction ends. */
public enum Outcome {
  COMMIT,
  ABORT
}
