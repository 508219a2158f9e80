package dev.helios.processor;

import java.util.Locale;

/**
 * The determinism checks {@link DeterminismLint} runs over the method bodies of {@code @Node} and
 * {@code @Copyable} classes, each with a stable tag. A finding is a warning, or an error under
 * {@code -Ahelios.strict=true}; {@code @SuppressWarnings("helios:<Tag>")} on the method, field,
 * variable or class that holds it silences one. A message says what was found, why it breaks a
 * replay, and the fix. {@code %s} slots are filled in order.
 */
enum Lint {
  WALL_CLOCK(
      "WallClock",
      "%s reads the wall clock, which differs on every run, so a replay of the seed goes another way;"
          + " use ctx.nowMicros(), the simulation's virtual time"),
  RANDOMNESS(
      "Randomness",
      "%s draws randomness outside the kernel, which the seed does not fix and forks do not copy;"
          + " use ctx.random(), the node's seeded stream"),
  THREADS(
      "Threads",
      "%s %s; a node handles one event at a time on the kernel's single thread, and the virtual clock"
          + " only moves between events, so threads race and blocking stalls the run: to wait, set a timer"
          + " with ctx.setTimerMicros; to work elsewhere, send a message"),
  STATIC_STATE(
      "StaticState",
      "static field %s is shared by every node, fork and simulation in the JVM, so one run's writes leak"
          + " into the next and a fork does not copy it; make it an instance field, or a static final"
          + " constant"),
  HASH_ORDER(
      "HashOrder",
      "%s iterates %s (%s) in hash order, which changes between JVM processes (Set.of and Map.of are"
          + " salted per process) and between the JVM and the browser build; use a LinkedHashMap,"
          + " LinkedHashSet, TreeMap, TreeSet or List"),
  IDENTITY_HASH(
      "IdentityHash",
      "%s depends on an identity hash%s, which differs between runs and between the JVM and the browser build;"
          + " hash a stable value instead (a string, a number, an enum's name() or ordinal(), or a record"
          + " of those)"),
  MESSAGE_TYPE(
      "MessageType",
      "%s passes %s, which cannot be a message: it %s; send an immutable value (a String, enum, record"
          + " or final class of immutable values) or a final @Copyable class");

  private final String tag;
  private final String template;

  Lint(String tag, String template) {
    this.tag = tag;
    this.template = template;
  }

  /** The stable tag, e.g. {@code WallClock}. */
  String tag() {
    return tag;
  }

  /** What {@code @SuppressWarnings} names to silence this check: {@code helios:WallClock}. */
  String suppression() {
    return "helios:" + tag;
  }

  /** The full message: {@code [Helios:Tag] text}. */
  String format(Object... arguments) {
    return "[Helios:" + tag + "] " + String.format(Locale.ROOT, template, arguments);
  }
}
