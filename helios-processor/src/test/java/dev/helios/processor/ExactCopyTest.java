package dev.helios.processor;

import static dev.helios.processor.Compilations.source;
import static dev.helios.processor.LoadedNodes.call;
import static dev.helios.processor.LoadedNodes.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy behaves exactly as its source: same class, same order, same behaviour from then on
 * (EnumSet and EnumMap, unmodifiable collections, access order, hash order after a shrink, a
 * subclass behind a sealed type, objects reachable from two fields); and what cannot be copied
 * exactly is refused, naming the field. Messages are digested and printed by value.
 */
class ExactCopyTest {
  @TempDir Path classes;

  private static final JavaFileObject SHAPES =
      source(
          "test.Shapes",
          """
          package test;
          import dev.helios.annotations.Copyable;
          import dev.helios.annotations.Node;
          import java.math.BigDecimal;
          import java.time.Duration;
          import java.time.Instant;
          import java.util.*;
          @Node
          final class Shapes {
            enum Color { RED, GREEN, BLUE }
            sealed interface Figure permits Circle, Square {}
            @Copyable
            static final class Circle implements Figure {
              double radius;
            }
            record Square(long side) implements Figure {}

            Set<Color> colorsAsSet = EnumSet.of(Color.BLUE, Color.RED);
            Map<Color, Long> colorsAsMap = new EnumMap<>(Color.class);
            EnumSet<Color> enumSet = EnumSet.of(Color.GREEN);
            EnumMap<Color, String> enumMap = new EnumMap<>(Color.class);
            List<String> listOf = List.of("b", "a");
            Set<String> setOf = Set.of("x", "y", "z");
            Map<String, Long> mapOf = Map.of("k", 1L);
            List<String> view = Collections.unmodifiableList(new ArrayList<>(List.of("v")));
            List<Ledger> ledgersOf = List.of(new Ledger());
            Map<String, Long> lru = new LinkedHashMap<>(16, 0.75f, true);
            Map<String, Long> bounded = new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > 3;
              }
            };
            Map<String, Long> shrunk = new HashMap<>();
            Set<String> shrunkSet = new HashSet<>();
            Figure figure = new Circle();
            List<Long> first = new ArrayList<>();
            List<Long> second;
            Ledger ledger = new Ledger();
            Ledger sameLedger;
            final List<Long> log = new ArrayList<>();
            List<Long> logView;
            Instant at = Instant.ofEpochSecond(5);
            Duration wait = Duration.ofMillis(1500);
            BigDecimal amount = new BigDecimal("1.50");
            UUID id = new UUID(1, 2);

            void seed() {
              colorsAsMap.put(Color.GREEN, 2L);
              colorsAsMap.put(Color.RED, 1L);
              enumMap.put(Color.BLUE, "b");
              for (String key : List.of("a", "b", "c")) {
                lru.put(key, 1L);
                bounded.put(key, 1L);
              }
              lru.get("a");
              bounded.get("a");
              for (int i = 0; i < 200; i++) {
                shrunk.put("k" + i, (long) i);
                shrunkSet.add("s" + i);
              }
              for (int i = 0; i < 195; i++) {
                shrunk.remove("k" + i);
                shrunkSet.remove("s" + i);
              }
              ((Circle) figure).radius = 2.5;
              second = first;
              first.add(7L);
              sameLedger = ledger;
              logView = log;
              log.add(3L);
            }
          }
          """);

  private LoadedNodes.Companion shapes() {
    return LoadedNodes.compile(classes, Compilations.LEDGER, SHAPES).companion("test.Shapes");
  }

  private static Object seeded(LoadedNodes.Companion companion) {
    Object node = companion.newNode();
    call(node, "seed");
    return node;
  }

  @Test
  void enumSetsAndEnumMapsStayWhatTheyAre() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (String field : List.of("colorsAsSet", "colorsAsMap", "enumSet", "enumMap")) {
      Object original = get(source, field);
      Object copied = get(copy, field);
      assertNotSame(original, copied, field);
      assertSame(original.getClass(), copied.getClass(), field + " keeps its class");
      assertEquals(List.copyOf(elements(original)), List.copyOf(elements(copied)), field + " keeps its order");
    }
  }

  @Test
  void unmodifiableCollectionsOfValuesAreSharedAndOfMutableValuesStayUnmodifiable() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (String field : List.of("listOf", "setOf", "mapOf", "view")) {
      assertSame(get(source, field), get(copy, field), field + " is immutable, so it is shared");
    }
    @SuppressWarnings("unchecked")
    List<Object> ledgers = (List<Object>) get(copy, "ledgersOf");
    assertNotSame(get(source, "ledgersOf"), ledgers);
    assertNotSame(((List<?>) get(source, "ledgersOf")).get(0), ledgers.get(0), "the mutable element is copied");
    assertThrows(UnsupportedOperationException.class, () -> ledgers.add(null), "the copy is still unmodifiable");
  }

  @Test
  @SuppressWarnings("unchecked")
  void accessOrderAndEvictionAreKept() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (Object node : List.of(source, copy)) {
      Map<String, Long> lru = (Map<String, Long>) get(node, "lru");
      lru.get("b");
      Map<String, Long> bounded = (Map<String, Long>) get(node, "bounded");
      bounded.get("b");
      bounded.put("d", 4L);
    }
    assertEquals(List.of("c", "a", "b"), List.copyOf(((Map<String, Long>) get(copy, "lru")).keySet()));
    assertEquals(List.of("a", "b", "d"), List.copyOf(((Map<String, Long>) get(copy, "bounded")).keySet()));
    assertSame(get(source, "bounded").getClass(), get(copy, "bounded").getClass(), "the LRU subclass is kept");
  }

  @Test
  void hashCollectionsThatShrankIterateInTheSourcesOrder() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (String field : List.of("shrunk", "shrunkSet")) {
      assertEquals(
          List.copyOf(elements(get(source, field))), List.copyOf(elements(get(copy, field))), field + "'s order");
    }
  }

  @Test
  void aSealedTypeIsCopiedAsItsRuntimeClass() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    Object figure = get(copy, "figure");
    assertSame(get(source, "figure").getClass(), figure.getClass());
    assertNotSame(get(source, "figure"), figure);
    assertEquals(2.5, get(figure, "radius"));
  }

  @Test
  void objectsReachableFromTwoFieldsStayShared() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (String[] pair : new String[][] {{"first", "second"}, {"ledger", "sameLedger"}, {"log", "logView"}}) {
      assertNotSame(get(source, pair[0]), get(copy, pair[0]), pair[0]);
      assertSame(get(copy, pair[0]), get(copy, pair[1]), pair[1] + " still shares " + pair[0]);
    }
    assertEquals(companion.fingerprint(source), companion.fingerprint(copy));
  }

  @Test
  void immutableJdkValuesAreSharedAndDescribedByValue() {
    LoadedNodes.Companion companion = shapes();
    Object source = seeded(companion);
    Object copy = companion.copy(source);
    for (String field : List.of("at", "wait", "amount", "id")) {
      assertSame(get(source, field), get(copy, field), field);
    }
    String json = companion.describe(copy);
    assertTrue(json.contains("\"amount\":\"1.50\"") && json.contains("\"wait\":\"PT1.5S\""), json);
  }

  @Test
  void collectionsThatCannotBeCopiedExactlyAreRefusedByName() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Odd",
                """
                package test;
                import dev.helios.annotations.Node;
                import java.util.*;
                import java.util.concurrent.CopyOnWriteArrayList;
                @Node
                final class Odd {
                  List<String> items = new ArrayList<>();
                  Queue<Integer> queue = new ArrayDeque<>();
                  final Map<String, Long> fixed = new HashMap<>();
                  Map<String, Long> free = new HashMap<>();

                  void useCopyOnWrite() {
                    items = new CopyOnWriteArrayList<>(List.of("a"));
                  }

                  void useArraysAsList() {
                    items = Arrays.asList("a", "b");
                  }

                  void usePriorityQueue() {
                    queue = new PriorityQueue<>(List.of(3, 1));
                  }

                  void growAndShrinkBothMaps() {
                    for (int i = 0; i < 500; i++) {
                      fixed.put("k" + i, 1L);
                      free.put("k" + i, 1L);
                    }
                    for (int i = 0; i < 488; i++) {
                      fixed.remove("k" + i);
                      free.remove("k" + i);
                    }
                  }
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Odd");
    Map<String, String> refusals = Map.of(
        "useCopyOnWrite", "cannot copy Odd.items: it holds a java.util.concurrent.CopyOnWriteArrayList",
        "useArraysAsList", "cannot copy Odd.items: it holds a java.util.Arrays$ArrayList",
        "usePriorityQueue", "cannot copy Odd.queue: it holds a java.util.PriorityQueue",
        "growAndShrinkBothMaps", "cannot copy final field Odd.fixed");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Object node = companion.newNode();
      call(node, refusal.getKey());
      IllegalStateException error = assertThrows(IllegalStateException.class, () -> companion.copy(node));
      assertTrue(error.getMessage().startsWith(refusal.getValue()), refusal.getKey() + ": " + error.getMessage());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLinkedCollectionsOrderIsInTheFingerprintAndAHashOneIsNot() {
    LoadedNodes.Companion companion = shapes();
    Object inOrder = companion.newNode();
    Object reversed = companion.newNode();
    for (String key : List.of("a", "b", "c")) {
      ((Map<String, Long>) get(inOrder, "lru")).put(key, 1L);
      ((Map<String, Long>) get(inOrder, "shrunk")).put(key, 1L);
    }
    for (String key : List.of("c", "b", "a")) {
      ((Map<String, Long>) get(reversed, "lru")).put(key, 1L);
      ((Map<String, Long>) get(reversed, "shrunk")).put(key, 1L);
    }
    assertNotEquals(companion.fingerprint(inOrder), companion.fingerprint(reversed), "a LinkedHashMap's order");
    ((Map<String, Long>) get(reversed, "lru")).clear();
    for (String key : List.of("a", "b", "c")) {
      ((Map<String, Long>) get(reversed, "lru")).put(key, 1L);
    }
    assertEquals(companion.fingerprint(inOrder), companion.fingerprint(reversed), "a HashMap's insertion order");
  }

  // ---- messages ----

  @Test
  void messagesAreDigestedAndPrintedByValue() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Mailbox",
                """
                package test;
                import dev.helios.annotations.Node;
                import dev.helios.annotations.OnMessage;
                import java.util.List;
                @Node
                final class Mailbox {
                  static final class Token {
                    final long id;
                    final String owner;

                    Token(long id, String owner) {
                      this.id = id;
                      this.owner = owner;
                    }
                  }
                  record Batch(String origin, List<String> items) {}

                  @OnMessage
                  void onToken(Token token) {}

                  @OnMessage
                  void onBatch(Batch batch) {}
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Mailbox");
    Object token = nodes.create("test.Mailbox$Token", 3L, "ann");
    assertEquals(companion.messageDigest(token), companion.messageDigest(nodes.create("test.Mailbox$Token", 3L, "ann")));
    assertNotEquals(companion.messageDigest(token), companion.messageDigest(nodes.create("test.Mailbox$Token", 4L, "ann")));
    assertEquals("Token[id=3, owner=\"ann\"]", companion.messageText(token));

    Object batch = nodes.create("test.Mailbox$Batch", "n1", List.of("a", "b"));
    assertEquals("Batch[origin=\"n1\", items=[\"a\", \"b\"]]", companion.messageText(batch));
    Object changeable = nodes.create("test.Mailbox$Batch", "n1", new ArrayList<>(List.of("a", "b")));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> companion.messageDigest(changeable));
    assertTrue(error.getMessage().startsWith("Batch.items is a java.util.ArrayList, which can still change"), error.getMessage());
    assertFalse(companion.messageText(token).contains("@"));
  }

  @Test
  void recordsInsideAMessageAreKnownByValueToo() {
    LoadedNodes nodes =
        LoadedNodes.compile(
            classes,
            source(
                "test.Log",
                """
                package test;
                import dev.helios.annotations.Node;
                import dev.helios.annotations.OnMessage;
                import java.util.List;
                import java.util.Map;
                @Node
                final class Log {
                  sealed interface Command permits Put, Get {}
                  record Put(String key, long value) implements Command {}
                  record Get(String key) implements Command {}
                  record Entry(long term, Command command) {}
                  record Label(String text) {}
                  record Append(List<Entry> entries, Map<String, Label> labels) {}

                  @OnMessage
                  void onAppend(Append append) {}
                }
                """));
    LoadedNodes.Companion companion = nodes.companion("test.Log");
    Object put = nodes.create("test.Log$Put", "x", 7L);
    Object entry = nodes.create("test.Log$Entry", 2L, put);
    assertEquals("Entry[term=2, command=Put[key=\"x\", value=7]]", companion.messageText(entry));
    assertEquals("Label[text=\"a\"]", companion.messageText(nodes.create("test.Log$Label", "a")));
    assertEquals(
        companion.messageDigest(entry),
        companion.messageDigest(nodes.create("test.Log$Entry", 2L, nodes.create("test.Log$Put", "x", 7L))));
    assertNotEquals(
        companion.messageDigest(entry),
        companion.messageDigest(nodes.create("test.Log$Entry", 2L, nodes.create("test.Log$Get", "x"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRuntimeKnowsTheImmutableJdkValuesTheProcessorAccepts() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {CompiledRuntime.directory().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Field field = loader.loadClass("dev.helios.runtime.internal.Messages").getDeclaredField("IMMUTABLE_JDK_CLASSES");
      field.setAccessible(true);
      assertEquals(new TreeSet<>(ShapeResolver.IMMUTABLE_JDK_VALUES), new TreeSet<>((Set<String>) field.get(null)));
    }
  }

  /** The elements of a collection, or the keys of a map, in iteration order. */
  private static Collection<?> elements(Object collectionOrMap) {
    return collectionOrMap instanceof Map<?, ?> map ? new ArrayList<>(map.keySet()) : (Collection<?>) collectionOrMap;
  }
}
