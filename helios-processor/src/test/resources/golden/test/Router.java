package test;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;

/** Handlers for a supertype, a JDK type and a record: the companion tests the record first. */
@Node
final class Router {
  record Ping(long sequence) {}

  long handled;

  @OnMessage
  void onAnything(Object message) {
    handled++;
  }

  @OnMessage
  void onText(String text, Context context) {
    handled++;
    context.reply(text);
  }

  @OnMessage
  void onPing(Ping ping, Context context) {
    handled++;
    context.reply(new Ping(ping.sequence() + 1));
  }

  @OnStart
  void begin(Context context) {
    context.log("started");
  }
}
