package dev.helios.runtime.linearizability;

/** The one partition key of a model that keeps the history whole, {@link Model#ALL}. */
enum Partition {
  ALL;

  @Override
  public String toString() {
    return "all";
  }
}
