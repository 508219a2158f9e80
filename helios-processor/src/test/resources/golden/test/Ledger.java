package test;

import dev.helios.annotations.Copyable;
import java.util.ArrayList;
import java.util.List;

/** Mutable state a node holds: copied through its own companion. */
@Copyable
final class Ledger {
  final List<Long> amounts = new ArrayList<>();
  String owner;
}
