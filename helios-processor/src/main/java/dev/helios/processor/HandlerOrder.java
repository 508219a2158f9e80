package dev.helios.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.util.Types;

/**
 * Orders handlers so that the first whose type matches a message is the most specific one: a
 * handler comes after every handler for one of its subtypes, and otherwise keeps source order.
 */
final class HandlerOrder {
  private HandlerOrder() {}

  static List<NodeModel.Handler> mostSpecificFirst(List<NodeModel.Handler> handlers, Types types) {
    List<NodeModel.Handler> remaining = new ArrayList<>(handlers);
    List<NodeModel.Handler> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      NodeModel.Handler next = remaining.get(0);
      for (NodeModel.Handler candidate : remaining) {
        boolean hasSubtypeHandler =
            remaining.stream()
                .anyMatch(
                    other ->
                        other != candidate
                            && types.isSubtype(other.erasedMessageType(), candidate.erasedMessageType()));
        if (!hasSubtypeHandler) {
          next = candidate;
          break;
        }
      }
      ordered.add(next);
      remaining.remove(next);
    }
    return List.copyOf(ordered);
  }
}
