package dev.helios.runtime;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import java.util.ArrayList;
import java.util.List;

/** Small nodes the runtime tests drive. */
final class TestNodes {
  private TestNodes() {}

  /** Counts what it receives and keeps the payloads in arrival order. */
  @Node
  static final class Sink {
    long received;
    final List<String> payloads = new ArrayList<>();

    @OnMessage
    void onString(String message) {
      received++;
      payloads.add(message);
    }

    @OnMessage
    void onNumber(Integer message) {
      received++;
      payloads.add("#" + message);
    }
  }

  /** Sends {@code count} numbered messages to node {@code target} when it starts. */
  @Node
  static final class Blaster {
    final int target;
    final int count;

    Blaster(int target, int count) {
      this.target = target;
      this.count = count;
    }

    @OnStart
    void onStart(Context context) {
      for (int i = 0; i < count; i++) {
        context.send(target, i);
      }
    }

    @OnMessage
    void onAnything(Object message) {}
  }

  /** Throws on the message "boom". */
  @Node
  static final class Thrower {
    @OnMessage
    void onString(String message, Context context) {
      context.log("got " + message);
      if (message.equals("boom")) {
        throw new IllegalStateException("boom at node " + context.self());
      }
    }
  }

  /** Ticks forever: sets a timer every {@code periodMicros}. */
  @Node
  static final class Ticker {
    long ticks;

    @OnStart
    void onStart(Context context) {
      context.setTimerMicros(1_000, "tick");
    }

    @OnMessage
    void onTick(String tick, Context context) {
      ticks++;
      context.setTimerMicros(1_000, "tick");
    }
  }

  /** Sets two timers at start and cancels the second when the first fires. */
  @Node
  static final class Canceller {
    long first = -1;
    long second = -1;
    boolean cancelled;
    boolean cancelledAgain;
    final List<String> fired = new ArrayList<>();

    @OnStart
    void onStart(Context context) {
      first = context.setTimerMicros(5_000, "first");
      second = context.setTimerMicros(10_000, "second");
    }

    @OnMessage
    void onTimer(String name, Context context) {
      fired.add(name + "@" + context.nowMicros() + " from " + context.sender());
      if (name.equals("first")) {
        cancelled = context.cancelTimer(second);
        cancelledAgain = context.cancelTimer(second);
      }
    }
  }

  /** Draws from its random stream at start and keeps the draws. */
  @Node
  static final class Drawer {
    long[] draws = new long[0];

    @OnStart
    void onStart(Context context) {
      draws = new long[] {context.random().nextLong(), context.random().nextLong()};
    }
  }
}
