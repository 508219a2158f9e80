package dev.helios.bench.fork;

import java.io.Serializable;

/** One replicated-log entry: an immutable record, which a Helios fork shares rather than copies. */
public record LogEntry(long term, long index, String command) implements Serializable {}
