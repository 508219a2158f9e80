package dev.helios.runtime;

import dev.helios.annotations.Copyable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node whose every step depends on the order, the kind and the class of its state, so a fork
 * that copied any of them inexactly would trace differently: it logs and sends in the iteration
 * order of an EnumSet held as a Set, an EnumMap held as a Map, an access-ordered LinkedHashMap
 * that evicts, a HashMap that grows and shrinks; it tries to add to an immutable list; it keeps a
 * subclass behind a sealed type; it sends messages without toString() and a mutable @Copyable
 * basket that receivers change and pass on.
 */
@Node
final class OrderNode {
  /** Enough constants that a hash set of them is unlikely to iterate in declaration order. */
  enum Color { RED, ORANGE, YELLOW, GREEN, BLUE, INDIGO, VIOLET, WHITE, BLACK, GREY }

  sealed interface Figure permits Circle, Square {}

  @Copyable
  static final class Circle implements Figure {
    long radius;
  }

  record Square(long side) implements Figure {}

  /** A message whose class has no toString(): its digest and text must still be its value. */
  static final class Token {
    final long round;
    final int from;

    Token(long round, int from) {
      this.round = round;
      this.from = from;
    }
  }

  /** A mutable message, copied at a fork: receivers add to it and pass it on. */
  @Copyable
  static final class Basket {
    final List<String> items = new ArrayList<>();
  }

  record Tick() {}

  int peers;
  long round;
  Set<Color> colors = EnumSet.allOf(Color.class);
  Map<Color, Long> tally = new EnumMap<>(Color.class);
  EnumSet<Color> seen = EnumSet.noneOf(Color.class);
  List<String> frozen = List.of("a", "b");
  Map<String, Long> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > 4;
    }
  };
  Map<String, Long> counts = new HashMap<>();
  Figure figure = new Circle();
  long baskets;

  OrderNode(int peers) {
    this.peers = peers;
  }

  @OnStart
  void onStart(Context context) {
    context.setTimerMicros(1_000 + context.random().nextInt(1_000), new Tick());
  }

  @OnMessage
  void onTick(Tick tick, Context context) {
    round++;
    Color color = Color.values()[context.random().nextInt(Color.values().length)];
    if (!colors.remove(color)) {
      colors.add(color);
    }
    tally.merge(color, 1L, Long::sum);
    seen.add(color);
    recent.get("r" + context.random().nextInt(6));
    recent.put("r" + context.random().nextInt(6), round);
    for (int i = 0; i < 40; i++) {
      counts.merge("k" + context.random().nextInt(200), 1L, Long::sum);
    }
    if (counts.size() > 30) {
      counts.keySet().removeIf(key -> counts.get(key) < 2);
    }
    if (figure instanceof Circle circle) {
      circle.radius += round;
    }
    try {
      frozen.add("more");
      context.log("frozen list grew");
    } catch (UnsupportedOperationException refused) {
      context.log("frozen list refused");
    }
    context.log("colors " + colors + " tally " + tally + " seen " + seen);
    context.log("recent " + recent.keySet() + " counts " + firstKeys(5));
    for (Color each : colors) {
      if (each.ordinal() % 3 == 0) {
        context.send(peer(context), new Token(round, context.self()));
      }
    }
    if (round % 3 == 0) {
      Basket basket = new Basket();
      basket.items.add("from " + context.self());
      context.send(peer(context), basket);
    }
    context.setTimerMicros(1_000 + context.random().nextInt(1_000), tick);
  }

  @OnMessage
  void onToken(Token token, Context context) {
    context.log("token " + token.round + " from " + token.from + " figure " + ((Circle) figure).radius);
  }

  @OnMessage
  void onBasket(Basket basket, Context context) {
    baskets++;
    basket.items.add("at " + context.self());
    context.log("basket " + basket.items);
    if (basket.items.size() < 4) {
      context.send(peer(context), basket);
    }
  }

  private int peer(Context context) {
    return (context.self() + 1 + context.random().nextInt(peers - 1)) % peers;
  }

  /** Hash order on purpose: within one JVM a fork must walk the HashMap in the original's order. */
  @SuppressWarnings("helios:HashOrder")
  private List<String> firstKeys(int count) {
    List<String> keys = new ArrayList<>();
    for (String key : counts.keySet()) {
      if (keys.size() == count) {
        break;
      }
      keys.add(key);
    }
    return keys;
  }
}
