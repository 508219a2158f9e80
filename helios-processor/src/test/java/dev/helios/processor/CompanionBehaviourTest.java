package dev.helios.processor;

import static dev.helios.processor.Compilations.source;
import static dev.helios.processor.LoadedNodes.call;
import static dev.helios.processor.LoadedNodes.get;
import static dev.helios.processor.LoadedNodes.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles nodes with the processor, loads their companions and runs them: dispatch picks the
 * most specific handler, a copy is equal to its source yet independent of it in both directions,
 * fingerprints ignore hash order, descriptions are stable JSON.
 */
class CompanionBehaviourTest {
  @TempDir Path classes;

  private static final JavaFileObject LEDGER =
      source(
          "test.Ledger",
          """
          package test;
          import dev.helios.annotations.Copyable;
          import java.util.ArrayList;
          import java.util.List;
          @Copyable
          final class Ledger {
            final List<Long> amounts = new ArrayList<>();
            String owner;
          }
          """);

  // ---- dispatch ----

  private static final JavaFileObject SWITCHBOARD =
      source(
          "test.Switchboard",
          """
          package test;
          import dev.helios.annotations.Node;
          import dev.helios.annotations.OnMessage;
          import dev.helios.annotations.OnStart;
          import dev.helios.runtime.Context;
          import java.util.List;
          import java.util.Set;
          @Node
          final class Switchboard {
            interface Signal {}
            record Alarm(int level) implements Signal {}
            record Siren(String tone) implements Signal {}
            record Ping(long sequence) {}

            String last;

            // Declared least specific first: the companion must not test them in source order.
            @OnMessage
            void onAnything(Object message) {
              last = "anything";
            }

            @OnMessage
            void onSignal(Signal signal) {
              last = "signal";
            }

            @OnMessage
            void onText(String text, Context context) {
              last = "text";
              context.reply(text + "!");
            }

            @OnMessage
            void onSiren(Siren siren) {
              last = "siren";
            }

            @OnMessage
            void onPing(Ping ping) {
              last = "ping";
            }

            @OnMessage
            void onWords(List<String> words) {
              last = "words";
            }

            @OnMessage
            void onNumbers(Set<Long> numbers) {
              last = "numbers";
            }

            @OnStart
            void begin(Context context) {
              context.log("begin");
            }
          }
          """);

  @Test
  void dispatchRunsTheMostSpecificHandler() {
    LoadedNodes nodes = LoadedNodes.compile(classes, SWITCHBOARD);
    LoadedNodes.Companion companion = nodes.companion("test.Switchboard");
    Object node = companion.newNode();
    List<String> events = new ArrayList<>();
    Object context = nodes.recordingContext(events);

    Map<Object, String> expected = new LinkedHashMap<>();
    expected.put("hello", "text");
    expected.put(nodes.create("test.Switchboard$Ping", 1L), "ping");
    expected.put(nodes.create("test.Switchboard$Alarm", 3), "signal");
    expected.put(nodes.create("test.Switchboard$Siren", "low"), "siren");
    expected.put(List.of("a", "b"), "words");
    expected.put(Set.of(1L, 2L), "numbers");
    expected.put(42, "anything");
    expected.put(new int[] {1}, "anything");
    for (Map.Entry<Object, String> entry : expected.entrySet()) {
      set(node, "last", null);
      assertTrue(companion.dispatch(node, entry.getKey(), context), "dispatch " + entry.getKey());
      assertEquals(entry.getValue(), get(node, "last"), "handler for " + entry.getKey());
    }
    assertEquals(List.of("reply:hello!"), events, "the context reaches the handler that takes it");
  }

  @Test
  void startRunsTheOnStartMethodWithTheContext() {
    LoadedNodes nodes = LoadedNodes.compile(classes, SWITCHBOARD);
    LoadedNodes.Companion companion = nodes.companion("test.Switchboard");
    List<String> events = new ArrayList<>();
    companion.start(companion.newNode(), nodes.recordingContext(events));
    assertEquals(List.of("log:begin"), events);
  }

  @Test
  void dispatchReturnsFalseForAnUnhandledType() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Picky",
                """
                package test;
                import dev.helios.annotations.Node;
                import dev.helios.annotations.OnMessage;
                @Node
                final class Picky {
                  record Ping(long sequence) {}

                  String last;

                  @OnMessage
                  void onText(CharSequence text) {
                    last = "text";
                  }

                  @OnMessage
                  void onPing(Ping ping) {
                    last = "ping";
                  }
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Picky");
    Object node = companion.newNode();
    assertFalse(companion.dispatch(node, 42, null));
    assertFalse(companion.dispatch(node, new Object(), null));
    assertFalse(companion.dispatch(node, null, null));
    assertNull(get(node, "last"), "no handler ran");
    assertTrue(companion.dispatch(node, new StringBuilder("via interface"), null));
    assertEquals("text", get(node, "last"));
    // A node without @OnStart starts without doing anything.
    companion.start(node, null);
  }

  // ---- copies ----

  private static final JavaFileObject REPLICA =
      source(
          "test.Replica",
          """
          package test;
          import dev.helios.annotations.Node;
          import java.util.ArrayList;
          import java.util.HashMap;
          import java.util.HashSet;
          import java.util.List;
          import java.util.Map;
          import java.util.Set;
          @Node
          final class Replica {
            enum Role { LEADER, FOLLOWER }
            record Item(String name, List<Long> values) {}

            String label = "fresh";
            Role role = Role.FOLLOWER;
            List<Item> items = new ArrayList<>();
            Map<String, List<Long>> index = new HashMap<>();
            Set<String> tags = new HashSet<>();
            long[] counters = new long[3];
            Ledger ledger = new Ledger();
            final List<String> names = new ArrayList<>();
            final long[] window = new long[2];
            final Ledger audit = new Ledger();

            void seed() {
              label = "seeded";
              role = Role.LEADER;
              items.add(new Item("a", new ArrayList<>(List.of(1L, 2L))));
              index.put("x", new ArrayList<>(List.of(7L)));
              tags.add("t");
              counters[0] = 5;
              ledger.amounts.add(100L);
              ledger.owner = "alice";
              names.add("n1");
              window[1] = 9;
              audit.amounts.add(3L);
            }
          }
          """);

  /** Mutations of every mutable part of a Replica, each of which its fingerprint must see. */
  @SuppressWarnings("unchecked")
  private static final List<Map.Entry<String, Consumer<Object>>> REPLICA_MUTATIONS =
      List.of(
          Map.entry("a record's list", node -> values(first((List<Object>) get(node, "items"))).add(3L)),
          Map.entry("the list of records", node -> ((List<Object>) get(node, "items")).clear()),
          Map.entry("a list in a map", node -> ((Map<String, List<Long>>) get(node, "index")).get("x").add(8L)),
          Map.entry("the map", node -> ((Map<String, List<Long>>) get(node, "index")).put("y", null)),
          Map.entry("the set", node -> ((Set<String>) get(node, "tags")).add("u")),
          Map.entry("the array", node -> ((long[]) get(node, "counters"))[0] = 99),
          Map.entry("a @Copyable's list", node -> amounts(get(node, "ledger")).add(1L)),
          Map.entry("a @Copyable's field", node -> set(get(node, "ledger"), "owner", "bob")),
          Map.entry("a final list", node -> ((List<String>) get(node, "names")).add("n2")),
          Map.entry("a final array", node -> ((long[]) get(node, "window"))[0] = 1),
          Map.entry("a final @Copyable", node -> amounts(get(node, "audit")).clear()));

  @Test
  void aCopyIsEqualToItsSource() {
    LoadedNodes nodes = LoadedNodes.compile(classes, REPLICA, LEDGER);
    LoadedNodes.Companion companion = nodes.companion("test.Replica");
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    assertEquals(companion.fingerprint(source), companion.fingerprint(copy));
    assertEquals(companion.describe(source), companion.describe(copy));
    assertNotEquals(
        companion.fingerprint(companion.newNode()),
        companion.fingerprint(copy),
        "the copy is not just a fresh node");
  }

  @Test
  void changingACopyLeavesItsSourceAlone() {
    LoadedNodes nodes = LoadedNodes.compile(classes, REPLICA, LEDGER);
    LoadedNodes.Companion companion = nodes.companion("test.Replica");
    for (Map.Entry<String, Consumer<Object>> mutation : REPLICA_MUTATIONS) {
      Object source = seeded(companion);
      Object copy = companion.copy(source);
      long sourceFingerprint = companion.fingerprint(source);
      String sourceJson = companion.describe(source);
      mutation.getValue().accept(copy);
      assertNotEquals(sourceFingerprint, companion.fingerprint(copy), "fingerprint sees " + mutation.getKey());
      assertEquals(sourceFingerprint, companion.fingerprint(source), "source after changing the copy's " + mutation.getKey());
      assertEquals(sourceJson, companion.describe(source), "source after changing the copy's " + mutation.getKey());
    }
  }

  @Test
  void changingASourceLeavesItsCopyAlone() {
    LoadedNodes nodes = LoadedNodes.compile(classes, REPLICA, LEDGER);
    LoadedNodes.Companion companion = nodes.companion("test.Replica");
    for (Map.Entry<String, Consumer<Object>> mutation : REPLICA_MUTATIONS) {
      Object source = seeded(companion);
      Object copy = companion.copy(source);
      long copyFingerprint = companion.fingerprint(copy);
      String copyJson = companion.describe(copy);
      mutation.getValue().accept(source);
      assertEquals(copyFingerprint, companion.fingerprint(copy), "copy after changing the source's " + mutation.getKey());
      assertEquals(copyJson, companion.describe(copy), "copy after changing the source's " + mutation.getKey());
    }
  }

  @Test
  void finalFieldsAreRefilledInPlace() {
    LoadedNodes nodes = LoadedNodes.compile(classes, REPLICA, LEDGER);
    LoadedNodes.Companion companion = nodes.companion("test.Replica");
    Object source = seeded(companion);
    Object target = companion.newNode();
    Object names = get(target, "names");
    Object window = get(target, "window");
    Object audit = get(target, "audit");
    Object auditAmounts = amounts(audit);
    companion.copyState(source, target);

    assertSame(names, get(target, "names"));
    assertNotSame(get(source, "names"), get(target, "names"));
    assertEquals(List.of("n1"), names);
    assertSame(window, get(target, "window"));
    assertArrayEquals(new long[] {0, 9}, (long[]) window);
    assertSame(audit, get(target, "audit"));
    assertSame(auditAmounts, amounts(audit));
    assertEquals(List.of(3L), auditAmounts);
  }

  @Test
  @SuppressWarnings("unchecked")
  void inheritedStateAndNestedNodesAreCopied() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Base",
                """
                package test;
                import java.util.ArrayList;
                import java.util.List;
                class Base {
                  List<String> history = new ArrayList<>();
                }
                """),
            source(
                "test.Cluster",
                """
                package test;
                import dev.helios.annotations.Node;
                import dev.helios.annotations.OnMessage;
                final class Cluster {
                  private Cluster() {}

                  @Node
                  static final class Member extends Base {
                    long own;

                    @OnMessage
                    void onText(String text) {
                      history.add(text);
                      own++;
                    }
                  }
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Cluster$Member");
    Object source = companion.newNode();
    assertTrue(companion.dispatch(source, "joined", null));
    Object copy = companion.copy(source);
    assertEquals(List.of("joined"), get(copy, "history"));
    assertEquals(1L, get(copy, "own"));
    assertEquals("{\"history\":[\"joined\"],\"own\":1}", companion.describe(copy));
    ((List<String>) get(copy, "history")).add("left");
    assertEquals(List.of("joined"), get(source, "history"));
  }

  // ---- fingerprints ----

  private static final JavaFileObject BAG =
      source(
          "test.Bag",
          """
          package test;
          import dev.helios.annotations.Node;
          import java.util.ArrayList;
          import java.util.HashMap;
          import java.util.HashSet;
          import java.util.List;
          @Node
          final class Bag {
            HashMap<String, Long> counts = new HashMap<>();
            HashSet<String> tags = new HashSet<>();
            List<String> order = new ArrayList<>();
          }
          """);

  @Test
  @SuppressWarnings("unchecked")
  void fingerprintIgnoresTheIterationOrderOfMapsAndSets() {
    LoadedNodes nodes = LoadedNodes.compile(classes, BAG);
    LoadedNodes.Companion companion = nodes.companion("test.Bag");
    Object small = companion.newNode();
    Object large = companion.newNode();
    // More buckets give another iteration order for the same keys.
    set(large, "counts", new HashMap<String, Long>(256));
    set(large, "tags", new HashSet<String>(256));
    for (int i = 0; i < 20; i++) {
      String key = "k" + i;
      String reversed = "k" + (19 - i);
      ((Map<String, Long>) get(small, "counts")).put(key, (long) i);
      ((Map<String, Long>) get(large, "counts")).put(reversed, (long) (19 - i));
      ((Set<String>) get(small, "tags")).add(key);
      ((Set<String>) get(large, "tags")).add(reversed);
    }
    assertNotEquals(
        List.copyOf(((Map<String, Long>) get(small, "counts")).keySet()),
        List.copyOf(((Map<String, Long>) get(large, "counts")).keySet()),
        "precondition: the maps iterate in different orders");
    assertNotEquals(
        List.copyOf((Set<String>) get(small, "tags")),
        List.copyOf((Set<String>) get(large, "tags")),
        "precondition: the sets iterate in different orders");

    assertEquals(companion.fingerprint(small), companion.fingerprint(large));
    assertEquals(companion.describe(small), companion.describe(large));

    ((Set<String>) get(large, "tags")).remove("k3");
    ((Set<String>) get(large, "tags")).add("k20");
    assertNotEquals(companion.fingerprint(small), companion.fingerprint(large), "a set with other elements");
  }

  @Test
  @SuppressWarnings("unchecked")
  void fingerprintFollowsTheOrderOfAList() {
    LoadedNodes nodes = LoadedNodes.compile(classes, BAG);
    LoadedNodes.Companion companion = nodes.companion("test.Bag");
    Object forward = companion.newNode();
    Object backward = companion.newNode();
    ((List<String>) get(forward, "order")).addAll(List.of("x", "y"));
    ((List<String>) get(backward, "order")).addAll(List.of("y", "x"));
    assertNotEquals(companion.fingerprint(forward), companion.fingerprint(backward));
  }

  // ---- descriptions ----

  @Test
  @SuppressWarnings("unchecked")
  void describeWritesFieldsInSourceOrderAndHashCollectionsSorted() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Report",
                """
                package test;
                import dev.helios.annotations.Node;
                import java.util.ArrayList;
                import java.util.HashMap;
                import java.util.HashSet;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;
                @Node
                final class Report {
                  enum Level { LOW, HIGH }
                  record Point(int x, int y) {}

                  String title = "say \\"hi\\"\\n";
                  long count = 3;
                  boolean on = true;
                  char grade = 'A';
                  double ratio = 0.5;
                  double missing = Double.NaN;
                  Level level = Level.HIGH;
                  Long nothing;
                  HashSet<String> tags = new HashSet<>(List.of("zeta", "alpha", "mid", "beta", "omega"));
                  List<String> steps = new ArrayList<>(List.of("z", "a"));
                  HashMap<String, Integer> scores = new HashMap<>(Map.of("b", 2, "a", 1, "c", 3));
                  TreeMap<Integer, String> names = new TreeMap<>(Map.of(2, "two", 1, "one"));
                  Point origin = new Point(0, 1);
                  int[] grid = {3, 1};
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Report");
    Object node = companion.newNode();
    Set<String> tags = (Set<String>) get(node, "tags");
    assertNotEquals(List.copyOf(new TreeSet<>(tags)), List.copyOf(tags), "precondition: hash order is not sorted");

    assertEquals(
        "{\"title\":\"say \\\"hi\\\"\\n\",\"count\":3,\"on\":true,\"grade\":\"A\",\"ratio\":0.5,"
            + "\"missing\":\"NaN\",\"level\":\"HIGH\",\"nothing\":null,"
            + "\"tags\":[\"alpha\",\"beta\",\"mid\",\"omega\",\"zeta\"],\"steps\":[\"z\",\"a\"],"
            + "\"scores\":{\"a\":1,\"b\":2,\"c\":3},\"names\":{\"1\":\"one\",\"2\":\"two\"},"
            + "\"origin\":{\"x\":0,\"y\":1},\"grid\":[3,1]}",
        companion.describe(node));
  }

  // ---- every shape ----

  @Test
  @SuppressWarnings("unchecked")
  void everySupportedShapeCopiesDeeply() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            LEDGER,
            source(
                "test.Everything",
                """
                package test;
                import dev.helios.annotations.Node;
                import dev.helios.annotations.OnMessage;
                import java.util.ArrayDeque;
                import java.util.ArrayList;
                import java.util.Comparator;
                import java.util.HashMap;
                import java.util.HashSet;
                import java.util.LinkedHashMap;
                import java.util.LinkedHashSet;
                import java.util.List;
                import java.util.Map;
                import java.util.Set;
                import java.util.TreeMap;
                import java.util.TreeSet;
                @Node
                final class Everything {
                  sealed interface Figure permits Circle, Square {}
                  record Circle(double radius) implements Figure {}
                  record Square(long side) implements Figure {}
                  enum Color { RED, BLUE }
                  static final class Money {
                    final long cents;
                    final String currency;

                    Money(long cents, String currency) {
                      this.cents = cents;
                      this.currency = currency;
                    }
                  }

                  byte b = 1;
                  short s = 2;
                  int i = 3;
                  long l = 4;
                  float f = 1.5f;
                  double d = 2.5;
                  char c = 'x';
                  boolean z = true;
                  Integer boxed = 7;
                  Character letter = 'q';
                  String text = "t";
                  Color color = Color.BLUE;
                  Figure figure = new Square(2);
                  Money money = new Money(100, "EUR");
                  List<Figure> figures = new ArrayList<>(List.of(new Circle(1), new Square(3)));
                  ArrayList<String> arrayList = new ArrayList<>(List.of("a"));
                  ArrayDeque<Integer> deque = new ArrayDeque<>(List.of(1, 2));
                  Set<Color> colors = new HashSet<>(List.of(Color.RED));
                  HashSet<Long> hashSet = new HashSet<>(List.of(5L));
                  LinkedHashSet<String> linkedSet = new LinkedHashSet<>(List.of("b", "a"));
                  TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
                  Map<Color, String> byColor = new HashMap<>(Map.of(Color.RED, "r"));
                  HashMap<String, int[]> rows = new HashMap<>(Map.of("r", new int[] {1}));
                  LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
                  TreeMap<String, Money> prices = new TreeMap<>(Map.of("p", new Money(1, "USD")));
                  int[][] matrix = {{1, 2}, {3}};
                  Figure[] figureArray = {new Circle(2)};
                  List<int[]> arrays = new ArrayList<>(List.of(new int[] {4}));
                  Map<String, Map<String, Long>> nested = new HashMap<>();
                  List<Ledger> ledgers = new ArrayList<>(List.of(new Ledger()));

                  Everything() {
                    reversed.addAll(List.of("a", "c", "b"));
                    groups.put("g", new ArrayList<>(List.of("m")));
                    nested.put("outer", new HashMap<>(Map.of("inner", 1L)));
                  }

                  @OnMessage
                  void onFigure(Figure figure) {
                    this.figure = figure;
                  }
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Everything");
    Object source = companion.newNode();
    Object copy = companion.copy(source);
    assertEquals(companion.fingerprint(source), companion.fingerprint(copy));
    String json = companion.describe(source);
    assertEquals(json, companion.describe(copy));
    assertTrue(json.contains("\"reversed\":[\"c\",\"b\",\"a\"]"), json);
    TreeSet<String> reversed = (TreeSet<String>) get(copy, "reversed");
    assertNotNull(reversed.comparator(), "the copy keeps the comparator");
    assertSame(((TreeSet<String>) get(source, "reversed")).comparator(), reversed.comparator());

    long fingerprint = companion.fingerprint(source);
    ((int[][]) get(copy, "matrix"))[0][0] = 9;
    ((Map<String, int[]>) get(copy, "rows")).get("r")[0] = 9;
    ((List<int[]>) get(copy, "arrays")).get(0)[0] = 9;
    ((Map<String, Map<String, Long>>) get(copy, "nested")).get("outer").put("inner", 9L);
    ((Map<String, List<String>>) get(copy, "groups")).get("g").add("n");
    amounts(((List<Object>) get(copy, "ledgers")).get(0)).add(9L);
    ((Collection<Integer>) get(copy, "deque")).add(3);
    assertEquals(fingerprint, companion.fingerprint(source));
    assertEquals(json, companion.describe(source));
  }

  // ---- helpers ----

  private static Object seeded(LoadedNodes.Companion companion) {
    Object node = companion.newNode();
    call(node, "seed");
    return node;
  }

  private static Object first(List<Object> list) {
    return list.get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Long> values(Object item) {
    return (List<Long>) call(item, "values");
  }

  @SuppressWarnings("unchecked")
  private static List<Long> amounts(Object ledger) {
    return (List<Long>) get(ledger, "amounts");
  }
}
