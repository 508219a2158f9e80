package dev.helios.bench.memory;

/** The message an {@link IdleNode} would handle; the memory runs never deliver one. */
public record Poke() {}
