package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test, at least, per {@link Lint} check: a warning with its tag and text on the line at
 * fault; the same finding as an error under {@code -Ahelios.strict=true}; and no finding when the
 * element is annotated {@code @SuppressWarnings("helios:<Tag>")}. Code that only looks like a
 * finding (a LinkedHashMap iterated, a record's hashCode, a message of an open type) stays clean.
 * {@link LintCoverageTest} fails when a check has no test here.
 */
class LintTest {
  private static final String IMPORTS =
      """
      package test;
      import dev.helios.annotations.Copyable;
      import dev.helios.annotations.Node;
      import dev.helios.annotations.OnMessage;
      import dev.helios.runtime.Context;
      import java.util.*;
      import java.util.concurrent.*;
      import java.util.stream.*;
      """;

  /** A node {@code test.Subject} with {@code members} in its body. */
  private static JavaFileObject node(String members) {
    return source("test.Subject", IMPORTS + "@Node\nfinal class Subject {\n" + members + "\n}\n");
  }

  private static Compilation compile(JavaFileObject... files) {
    return Compilations.compile(files);
  }

  private static Compilation compileStrict(JavaFileObject... files) {
    return Compiler.javac()
        .withProcessors(new HeliosProcessor())
        .withClasspath(CompiledRuntime.classpath())
        .withOptions("--release", "17", "-Xlint:all", "-Ahelios.strict=true")
        .compile(files);
  }

  /** Asserts exactly one finding, a warning with {@code message} on the line containing {@code line}; strict makes it the one error. */
  private static void assertFinding(JavaFileObject file, String message, String line) {
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(message).inFile(file).onLineContaining(line);
    Compilation strict = compileStrict(file);
    assertThat(strict).failed();
    assertThat(strict).hadErrorCount(1);
    assertThat(strict).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  private static void assertClean(JavaFileObject file) {
    Compilation compilation = compileStrict(file);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** Without a Helios annotation javac never runs the processor, so -Ahelios.strict would be an unknown option. */
  private static void assertCleanWithoutStrict(JavaFileObject file) {
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  // ---- WallClock ----

  @Test
  @LintCovers(Lint.WALL_CLOCK)
  void wallClockCallIsFoundOnItsLine() {
    assertFinding(
        node(
            """
              long startedMillis;
              @OnMessage void onPing(String ping, Context context) {
                startedMillis = System.currentTimeMillis();
              }
            """),
        "[Helios:WallClock] System.currentTimeMillis() reads the wall clock, which differs on every run, so a"
            + " replay of the seed goes another way; use ctx.nowMicros(), the simulation's virtual time",
        "startedMillis = System.currentTimeMillis()");
  }

  @Test
  @LintCovers(Lint.WALL_CLOCK)
  void everyWallClockFormIsFound() {
    JavaFileObject file =
        node(
            """
              @OnMessage void onPing(String ping, Context context) {
                long a = System.nanoTime();
                java.time.Instant b = java.time.Instant.now();
                java.time.LocalDateTime c = java.time.LocalDateTime.now();
                java.time.Clock d = java.time.Clock.systemUTC();
                Date e = new Date();
                java.util.function.LongSupplier f = System::currentTimeMillis;
                Date fixed = new Date(0L);
              }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadWarningCount(6);
    for (String line : new String[] {"System.nanoTime()", "Instant.now()", "LocalDateTime.now()", "Clock.systemUTC()", "new Date()", "System::currentTimeMillis"}) {
      assertThat(compilation).hadWarningContaining("[Helios:WallClock]").inFile(file).onLineContaining(line);
    }
  }

  @Test
  @LintCovers(Lint.WALL_CLOCK)
  void suppressedOnTheMethodIsClean() {
    assertClean(
        node(
            """
              long startedMillis;
              @SuppressWarnings("helios:WallClock")
              @OnMessage void onPing(String ping, Context context) {
                startedMillis = System.currentTimeMillis();
              }
            """));
  }

  @Test
  @LintCovers(Lint.WALL_CLOCK)
  void suppressingAnotherTagLeavesTheFinding() {
    assertFinding(
        node(
            """
              long startedMillis;
              @SuppressWarnings("helios:Randomness")
              @OnMessage void onPing(String ping, Context context) {
                startedMillis = System.currentTimeMillis();
              }
            """),
        "[Helios:WallClock] System.currentTimeMillis()",
        "startedMillis = System.currentTimeMillis()");
  }

  @Test
  @LintCovers(Lint.WALL_CLOCK)
  void suppressedOnALocalVariableOrTheClassIsClean() {
    assertClean(
        node(
            """
              @OnMessage void onPing(String ping, Context context) {
                @SuppressWarnings("helios:WallClock") long started = System.nanoTime();
              }
            """));
    assertClean(
        source(
            "test.Subject",
            IMPORTS
                + """
                @Node
                @SuppressWarnings("helios:WallClock")
                final class Subject {
                  @OnMessage void onPing(String ping, Context context) {
                    long started = System.nanoTime();
                  }
                }
                """));
  }

  @Test
  void codeOutsideNodesIsNotChecked() {
    assertCleanWithoutStrict(
        source(
            "test.Tool",
            IMPORTS
                + """
                final class Tool {
                  static long counter;
                  long now() { return System.currentTimeMillis() + new Random().nextInt(); }
                }
                """));
  }

  // ---- Randomness ----

  @Test
  @LintCovers(Lint.RANDOMNESS)
  void randomnessOutsideTheKernelIsFound() {
    assertFinding(
        node(
            """
              @OnMessage void onPing(String ping, Context context) {
                context.log("dice " + Math.random());
              }
            """),
        "[Helios:Randomness] Math.random() draws randomness outside the kernel, which the seed does not fix and"
            + " forks do not copy; use ctx.random(), the node's seeded stream",
        "Math.random()");
  }

  @Test
  @LintCovers(Lint.RANDOMNESS)
  void everyRandomnessFormIsFound() {
    JavaFileObject file =
        node(
            """
              @OnMessage void onPing(String ping, Context context) {
                int a = new Random(42).nextInt();
                int b = ThreadLocalRandom.current().nextInt();
                UUID c = UUID.randomUUID();
                java.security.SecureRandom d = new java.security.SecureRandom();
                List<Integer> e = new ArrayList<>(List.of(1, 2));
                Collections.shuffle(e);
              }
            """);
    Compilation compilation = compile(file);
    for (String line : new String[] {"new Random(42)", "ThreadLocalRandom.current()", "UUID.randomUUID()", "new java.security.SecureRandom()", "Collections.shuffle(e);"}) {
      assertThat(compilation).hadWarningContaining("[Helios:Randomness]").inFile(file).onLineContaining(line);
    }
  }

  @Test
  @LintCovers(Lint.RANDOMNESS)
  void suppressedRandomnessIsClean() {
    assertClean(
        node(
            """
              @SuppressWarnings({"unused", "helios:Randomness"})
              @OnMessage void onPing(String ping, Context context) {
                double dice = Math.random();
              }
            """));
  }

  // ---- Threads ----

  @Test
  @LintCovers(Lint.THREADS)
  void sleepingIsFound() throws Exception {
    assertFinding(
        node(
            """
              @OnMessage void onPing(String ping, Context context) throws InterruptedException {
                Thread.sleep(10);
              }
            """),
        "[Helios:Threads] Thread.sleep(...) blocks the thread; a node handles one event at a time on the kernel's"
            + " single thread, and the virtual clock only moves between events, so threads race and blocking"
            + " stalls the run: to wait, set a timer with ctx.setTimerMicros; to work elsewhere, send a message",
        "Thread.sleep(10)");
  }

  @Test
  @LintCovers(Lint.THREADS)
  void everyThreadFormIsFound() {
    JavaFileObject file =
        node(
            """
              final String lock = "lock";
              synchronized void locked() {}
              @OnMessage void onPing(String ping, Context context) throws Exception {
                new Thread(() -> {}).start();
                ExecutorService pool = Executors.newSingleThreadExecutor();
                CompletableFuture.runAsync(() -> {});
                synchronized (lock) { lock.wait(); }
                List.of(1, 2).parallelStream().count();
              }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    for (String line : new String[] {"synchronized void locked()", "new Thread(", "Executors.newSingleThreadExecutor()", "CompletableFuture.runAsync", "synchronized (lock)", "parallelStream()"}) {
      assertThat(compilation).hadWarningContaining("[Helios:Threads]").inFile(file).onLineContaining(line);
    }
    assertThat(compilation).hadWarningContaining("[Helios:Threads] lock.wait() waits on or wakes a monitor");
  }

  @Test
  @LintCovers(Lint.THREADS)
  void suppressedThreadsAreClean() {
    assertClean(
        node(
            """
              @SuppressWarnings("helios:Threads")
              @OnMessage void onPing(String ping, Context context) throws InterruptedException {
                Thread.sleep(10);
              }
            """));
  }

  // ---- StaticState ----

  @Test
  @LintCovers(Lint.STATIC_STATE)
  void aStaticNonFinalFieldIsFound() {
    assertFinding(
        node(
            """
              static final int LIMIT = 3;
              static int delivered;
              @OnMessage void onPing(String ping, Context context) {
                delivered++;
              }
            """),
        "[Helios:StaticState] static field Subject.delivered is shared by every node, fork and simulation in the"
            + " JVM, so one run's writes leak into the next and a fork does not copy it; make it an instance"
            + " field, or a static final constant",
        "static int delivered");
  }

  @Test
  @LintCovers(Lint.STATIC_STATE)
  void aStaticFieldOfANestedClassIsFoundToo() {
    assertFinding(
        node(
            """
              static final class Counter { static long total; }
              @OnMessage void onPing(String ping, Context context) {}
            """),
        "[Helios:StaticState] static field Counter.total",
        "static long total");
  }

  @Test
  @LintCovers(Lint.STATIC_STATE)
  void suppressedStaticStateIsClean() {
    assertClean(
        node(
            """
              @SuppressWarnings("helios:StaticState") static int delivered;
              @OnMessage void onPing(String ping, Context context) {}
            """));
  }

  // ---- HashOrder ----

  @Test
  @LintCovers(Lint.HASH_ORDER)
  void iteratingAHashSetFieldIsFound() {
    assertFinding(
        node(
            """
              final HashSet<Integer> peers = new HashSet<>();
              @OnMessage void onPing(String ping, Context context) {
                for (int peer : peers) {
                  context.send(peer, "pong");
                }
              }
            """),
        "[Helios:HashOrder] this for-each loop iterates peers (a HashSet) in hash order, which changes between JVM"
            + " processes (Set.of and Map.of are salted per process) and between the JVM and the browser build;"
            + " use a LinkedHashMap, LinkedHashSet, TreeMap, TreeSet or List",
        "for (int peer : peers)");
  }

  @Test
  @LintCovers(Lint.HASH_ORDER)
  void aSetDeclaredAsTheInterfaceIsFoundByWhatItHolds() {
    JavaFileObject file =
        node(
            """
              final Map<String, Integer> votes = new HashMap<>();
              @OnMessage void onPing(String ping, Context context) {
                Set<Integer> members = Set.of(1, 2, 3);
                members.forEach(member -> context.send(member, ping));
                for (String voter : votes.keySet()) {
                  context.log(voter);
                }
                List<Integer> copy = new ArrayList<>(members);
                context.log("members " + members);
                Set<String> names = Stream.of("a", "b").collect(Collectors.toSet());
                context.log(String.join(",", names));
              }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadWarningCount(5);
    assertThat(compilation)
        .hadWarningContaining("members.forEach(...) iterates members (made by Set.of)")
        .inFile(file)
        .onLineContaining("members.forEach");
    assertThat(compilation)
        .hadWarningContaining("this for-each loop iterates votes.keySet() (a view of votes, a HashMap)")
        .inFile(file)
        .onLineContaining("votes.keySet()");
    assertThat(compilation).hadWarningContaining("new ArrayList(...) iterates members").inFile(file).onLineContaining("new ArrayList<>(members)");
    assertThat(compilation).hadWarningContaining("joining it to a string iterates members").inFile(file).onLineContaining("\"members \" + members");
    assertThat(compilation)
        .hadWarningContaining("String.join(...) iterates names (made by Collectors.toSet)")
        .inFile(file)
        .onLineContaining("String.join");
  }

  @Test
  @LintCovers(Lint.HASH_ORDER)
  void orderedAndSortedCollectionsAndLookupsAreClean() {
    assertClean(
        node(
            """
              final LinkedHashMap<String, Integer> votes = new LinkedHashMap<>();
              final TreeSet<Integer> peers = new TreeSet<>();
              final HashMap<String, Integer> index = new HashMap<>();
              @OnMessage void onPing(String ping, Context context) {
                for (String voter : votes.keySet()) { context.log(voter); }
                for (int peer : peers) { context.send(peer, ping); }
                Integer found = index.get(ping);
                TreeSet<String> sorted = new TreeSet<>(index.keySet());
                context.log("size " + index.size() + " first " + sorted.first() + found);
              }
            """));
  }

  @Test
  @LintCovers(Lint.HASH_ORDER)
  void suppressedHashOrderIsClean() {
    assertClean(
        node(
            """
              final HashSet<Integer> peers = new HashSet<>();
              @SuppressWarnings("helios:HashOrder")
              @OnMessage void onPing(String ping, Context context) {
                for (int peer : peers) { context.send(peer, ping); }
              }
            """));
  }

  // ---- IdentityHash ----

  @Test
  @LintCovers(Lint.IDENTITY_HASH)
  void anEnumsHashCodeIsFound() {
    assertFinding(
        node(
            """
              enum Role { LEADER, FOLLOWER }
              Role role = Role.FOLLOWER;
              @OnMessage void onPing(String ping, Context context) {
                context.send(role.hashCode() % 3, ping);
              }
            """),
        "[Helios:IdentityHash] role.hashCode() depends on an identity hash (Role is an enum, and an enum's"
            + " hashCode is Object's), which differs between runs and between the JVM and the browser build;"
            + " hash a stable value instead (a string, a number, an enum's name() or ordinal(), or a record of"
            + " those)",
        "role.hashCode()");
  }

  @Test
  @LintCovers(Lint.IDENTITY_HASH)
  void everyIdentityHashFormIsFound() {
    JavaFileObject file =
        node(
            """
              enum Role { LEADER, FOLLOWER }
              record Vote(String voter, Role role) {}
              static final class Box { int value; }
              @OnMessage void onPing(String ping, Context context) {
                int a = System.identityHashCode(ping);
                int b = new Vote("n1", Role.LEADER).hashCode();
                int c = new Box().hashCode();
                int d = Objects.hash(ping, Role.LEADER);
                int clean = new Vote("n1", null).voter().hashCode() + ping.hashCode() + Objects.hash(ping, 3);
              }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadWarningCount(4);
    assertThat(compilation).hadWarningContaining("System.identityHashCode(...) depends on an identity hash,").inFile(file).onLineContaining("identityHashCode");
    assertThat(compilation)
        .hadWarningContaining("(record Vote hashes its component role: Role is an enum")
        .inFile(file)
        .onLineContaining("int b =");
    assertThat(compilation).hadWarningContaining("(Box does not override hashCode)").inFile(file).onLineContaining("new Box().hashCode()");
    assertThat(compilation).hadWarningContaining("(it hashes Role.LEADER: Role is an enum").inFile(file).onLineContaining("Objects.hash(ping, Role.LEADER)");
  }

  @Test
  @LintCovers(Lint.IDENTITY_HASH)
  void suppressedIdentityHashIsClean() {
    assertClean(
        node(
            """
              @SuppressWarnings("helios:IdentityHash")
              @OnMessage void onPing(String ping, Context context) {
                context.log("id " + System.identityHashCode(ping));
              }
            """));
  }

  // ---- MessageType ----

  @Test
  @LintCovers(Lint.MESSAGE_TYPE)
  void aMutableMessageIsFoundOnTheArgument() {
    assertFinding(
        node(
            """
              @OnMessage void onPing(String ping, Context context) {
                ArrayList<String> batch = new ArrayList<>();
                batch.add(ping);
                context.send(1,
                    batch);
              }
            """),
        "[Helios:MessageType] context.send(...) passes a java.util.ArrayList<java.lang.String>, which cannot be a"
            + " message: it is a java.util.ArrayList<java.lang.String>, which can change after it is sent; declare"
            + " it as a List or Set and send List.copyOf(...) or Set.copyOf(...); send an immutable value (a String,"
            + " enum, record or final class of immutable values) or a final @Copyable class",
        "    batch);");
  }

  @Test
  @LintCovers(Lint.MESSAGE_TYPE)
  void arraysAndMutableClassesAreFoundInEverySendingCall() {
    JavaFileObject file =
        node(
            """
              static final class Mutable { int count; }
              @OnMessage void onPing(String ping, Context context) {
                context.reply(new int[] {1, 2});
                context.setTimerMicros(10, new Mutable());
                context.setTimerMs(1, new StringBuilder(ping));
              }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadWarningCount(3);
    assertThat(compilation).hadWarningContaining("context.reply(...) passes a int[]").inFile(file).onLineContaining("context.reply");
    assertThat(compilation).hadWarningContaining("context.setTimerMicros(...) passes a test.Subject.Mutable").inFile(file).onLineContaining("new Mutable()");
    assertThat(compilation).hadWarningContaining("context.setTimerMs(...) passes a java.lang.StringBuilder").inFile(file).onLineContaining("new StringBuilder");
  }

  @Test
  @LintCovers(Lint.MESSAGE_TYPE)
  void valuesAndOpenTypesAreClean() {
    assertClean(
        node(
            """
              record Vote(String voter, int term) {}
              enum Kind { A, B }
              interface Command {}
              @OnMessage void onPing(String ping, Context context) {
                Object any = ping;
                Command command = null;
                context.send(1, new Vote(ping, 3));
                context.send(1, List.of(ping));
                context.send(1, Kind.A);
                context.send(1, 42);
                context.send(1, any);
                context.send(1, command);
                context.reply(ping);
              }
            """));
  }

  @Test
  @LintCovers(Lint.MESSAGE_TYPE)
  void suppressedMessageTypeIsClean() {
    assertClean(
        node(
            """
              @SuppressWarnings("helios:MessageType")
              @OnMessage void onPing(String ping, Context context) {
                context.reply(new int[] {1, 2});
              }
            """));
  }

  // ---- where the checks run ----

  @Test
  void copyableClassesAndLambdasInsideNodesAreChecked() {
    JavaFileObject file =
        source(
            "test.Ledger",
            IMPORTS
                + """
                @Copyable
                final class Ledger {
                  long stamp;
                  void touch() {
                    Runnable later = () -> stamp = System.nanoTime();
                    later.run();
                  }
                }
                """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[Helios:WallClock] System.nanoTime()").inFile(file).onLineContaining("System.nanoTime()");
  }
}
