package dev.helios.runtime.linearizability;

import dev.helios.runtime.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Histories of atomic objects for tests, from a seed: each operation takes effect at one instant
 * inside its interval, in the order of those instants, so every history is linearizable.
 */
final class GeneratedHistories {
  private GeneratedHistories() {}

  /**
   * A history of an atomic register: each client calls, waits, and returns a little later; each
   * operation takes effect at a random instant within its interval, in the order of those instants.
   * A client's last operation may stay pending, having taken effect or not.
   */
  static List<Operation<RegisterInput<Long>, Object>> register(long seed, int clientCount, int count) {
    SimRandom random = new SimRandom(seed);
    List<Planned> planned = plan(random, clientCount, count);
    List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>();
    long value = 0;
    long written = 0;
    for (Planned p : planned) {
      RegisterInput<Long> input = random.nextInt(3) == 0 ? RegisterInput.write(++written) : RegisterInput.read();
      Object output = input instanceof RegisterInput.Write<Long> ? "ok" : value;
      if (p.takesEffect && input instanceof RegisterInput.Write<Long> write) {
        value = write.value();
      }
      history.add(p.pending ? Operation.pending(p.client, input, p.callMicros)
          : Operation.completed(p.client, input, output, p.callMicros, p.returnMicros));
    }
    return history;
  }

  /** As {@link #register}, for a map with {@code keyCount} keys. */
  static List<Operation<KvInput<Long>, Object>> keyValue(long seed, int clientCount, int count, int keyCount) {
    SimRandom random = new SimRandom(seed);
    List<Planned> planned = plan(random, clientCount, count);
    List<Operation<KvInput<Long>, Object>> history = new ArrayList<>();
    Map<String, Long> map = new TreeMap<>();
    long written = 0;
    for (Planned p : planned) {
      String key = "k" + random.nextInt(keyCount);
      KvInput<Long> input = random.nextInt(2) == 0 ? KvInput.put(key, ++written) : KvInput.get(key);
      Object output = input instanceof KvInput.Put<Long> ? "ok" : map.containsKey(key) ? map.get(key) : Models.ABSENT;
      if (p.takesEffect && input instanceof KvInput.Put<Long> put) {
        map.put(key, put.value());
      }
      history.add(p.pending ? Operation.pending(p.client, input, p.callMicros)
          : Operation.completed(p.client, input, output, p.callMicros, p.returnMicros));
    }
    return history;
  }

  /** One planned operation: its client, interval, the instant it takes effect, and whether it does. */
  private record Planned(int client, long callMicros, long effectMicros, long returnMicros, boolean pending,
      boolean takesEffect) {}

  /** {@code count} intervals over {@code clientCount} clients, in the order they take effect. */
  private static List<Planned> plan(SimRandom random, int clientCount, int count) {
    long[] freeMicros = new long[clientCount];
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int client = random.nextInt(clientCount);
      long call = freeMicros[client] + random.nextLong(30);
      long effect = call + random.nextLong(40);
      long ret = effect + random.nextLong(40);
      freeMicros[client] = ret + random.nextLong(5);
      planned.add(new Planned(client, call, effect, ret, false, true));
    }
    // Each client's last operation may stay pending, and then may or may not take effect.
    boolean[] last = new boolean[clientCount];
    for (int i = planned.size() - 1; i >= 0; i--) {
      Planned p = planned.get(i);
      if (!last[p.client]) {
        last[p.client] = true;
        if (random.nextInt(3) == 0) {
          planned.set(i, new Planned(p.client, p.callMicros, p.effectMicros, Operation.PENDING, true,
              random.nextBoolean()));
        }
      }
    }
    planned.sort((a, b) -> a.effectMicros != b.effectMicros ? Long.compare(a.effectMicros, b.effectMicros)
        : Integer.compare(a.client, b.client));
    return planned;
  }
}
