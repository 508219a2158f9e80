package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.helios.processor.Compilations.assertError;
import static dev.helios.processor.Compilations.assertErrors;
import static dev.helios.processor.Compilations.compile;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What state and messages may be: shapes a copy could not keep exactly (a subclass behind a
 * non-final {@code @Copyable} type, an enum that changes, mutable set elements and map keys, a
 * final record with mutable parts) and messages that could change after they are sent.
 */
class ValueDiagnosticTest {
  private static final String MESSAGE_RULE =
      "; a message is shared by the network and by every fork of a simulation, so it must never change: use"
          + " a String, enum, record or final class of immutable values, or a final class annotated @Copyable,"
          + " which forks copy";

  // ---- messages ----

  @Test
  @Covers(Diagnostic.HANDLER_MESSAGE_NOT_VALUE)
  void messagesThatCanChangeAfterTheyAreSent() {
    JavaFileObject file =
        source(
            "test.Inbox",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            @Node
            final class Inbox {
              record Batch(String origin, ArrayList<String> items) {}
              record Samples(int[] values) {}
              record Owned(Ledger ledger) {}
              record Fine(String origin, List<String> items, Map<String, Long> counts) {}
              static class Open {
                long value;
              }

              @OnMessage
              void onNumbers(long[] numbers) {}

              @OnMessage
              void onList(ArrayList<String> list) {}

              @OnMessage
              void onBatch(Batch batch) {}

              @OnMessage
              void onSamples(Samples samples) {}

              @OnMessage
              void onOwned(Owned owned) {}

              @OnMessage
              void onLedgers(List<Ledger> ledgers) {}

              @OnMessage
              void onOpen(Open open) {}

              @OnMessage
              void onFine(Fine fine) {}

              @OnMessage
              void onLedger(Ledger ledger) {}
            }
            """);
    Compilation compilation = compile(Compilations.LEDGER, file);
    assertErrors(compilation, 7);
    assertError(
        compilation,
        file,
        "[Helios:MessageNotValue] @OnMessage method onNumbers takes long[], which is not an immutable value: is"
            + " an array, which can change after it is sent; use a List, sent as List.of(...) or"
            + " List.copyOf(...)" + MESSAGE_RULE,
        "long[] numbers");
    assertError(
        compilation,
        file,
        "[Helios:MessageNotValue] @OnMessage method onList takes java.util.ArrayList<java.lang.String>, which is"
            + " not an immutable value: is a java.util.ArrayList<java.lang.String>, which can change after it is"
            + " sent; declare it as a List or Set and send List.copyOf(...) or Set.copyOf(...)",
        "ArrayList<String> list");
    assertError(
        compilation,
        file,
        "@OnMessage method onBatch takes test.Inbox.Batch, which is not an immutable value: Batch.items is a"
            + " java.util.ArrayList<java.lang.String>, which can change",
        "Batch batch");
    assertError(
        compilation,
        file,
        "@OnMessage method onSamples takes test.Inbox.Samples, which is not an immutable value: Samples.values is"
            + " an array",
        "Samples samples");
    assertError(
        compilation,
        file,
        "@OnMessage method onOwned takes test.Inbox.Owned, which is not an immutable value: Owned.ledger is of"
            + " the @Copyable, mutable class Ledger; make that part immutable, or the whole message @Copyable",
        "Owned owned");
    assertError(
        compilation,
        file,
        "@OnMessage method onLedgers takes java.util.List<test.Ledger>, which is not an immutable value: is of"
            + " the @Copyable, mutable class Ledger",
        "List<Ledger> ledgers");
    assertError(
        compilation,
        file,
        "@OnMessage method onOpen takes test.Inbox.Open, which is not an immutable value: Open is a class that"
            + " is not final, so a subclass could hold mutable state",
        "Open open");
  }

  // ---- state ----

  @Test
  @Covers(Diagnostic.FIELD_NOT_COPYABLE)
  void stateThatACopyCouldNotKeep() {
    JavaFileObject types =
        source(
            "test.Types",
            """
            package test;
            import dev.helios.annotations.Copyable;
            @Copyable
            class Shape {
              double area;
            }
            enum Phase {
              IDLE, BUSY;
              long entered;
            }
            enum Color {
              RED, BLUE;
              final Color opposite = null;
              final String label = "c";
            }
            """);
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            import java.util.Map;
            import java.util.Set;
            @Node
            final class Holder {
              Shape shape;
              Phase phase;
              Color color;
              Set<Ledger> ledgers;
              Map<Ledger, Long> byLedger;
              Map<Long, Ledger> fine;
            }
            """);
    Compilation compilation = compile(Compilations.LEDGER, types, file);
    assertErrors(compilation, 4);
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.shape of type test.Shape cannot be copied: @Copyable class Shape"
            + " is not final, so it may hold a subclass whose fields a Shape copy would lose; make it final, or"
            + " sealed with @Copyable final subclasses",
        "Shape shape");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.phase of type test.Phase cannot be copied: enum Phase has the"
            + " mutable field Phase.entered; enum constants are shared by every simulation and fork, so their"
            + " fields must be final immutable values",
        "Phase phase");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.ledgers of type java.util.Set<test.Ledger> cannot be copied: its"
            + " elements, of type test.Ledger, are mutable",
        "Set<Ledger> ledgers");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.byLedger of type java.util.Map<test.Ledger,java.lang.Long> cannot"
            + " be copied: its keys, of type test.Ledger, are mutable",
        "Map<Ledger, Long> byLedger");
  }

  @Test
  @Covers(Diagnostic.FINAL_FIELD_NOT_REFILLABLE)
  void finalRecordWithMutableParts() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            import java.util.ArrayList;
            import java.util.List;
            @Node
            final class Holder {
              record Window(List<Long> samples) {}

              final Window window = new Window(new ArrayList<>());
              Window replaceable = new Window(new ArrayList<>());
              final Ledger ledger = new Ledger();
            }
            """);
    Compilation compilation = compile(Compilations.LEDGER, file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:FinalFieldNotRefillable] final field Holder.window of type test.Holder.Window holds a value with"
            + " mutable parts, which a copy can neither assign (the field is final) nor refill in place (a record's"
            + " components are final); make the field non-final",
        "final Window window");
  }

  // ---- builds that treat warnings as errors ----

  @Test
  void aUserProjectCompilesWithEveryLintAsAnError() {
    JavaFileObject file =
        source(
            "test.Counter",
            """
            package test;
            import dev.helios.annotations.Durable;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            import dev.helios.runtime.Context;
            import java.util.EnumSet;
            import java.util.List;
            import java.util.Set;
            @Node
            final class Counter {
              enum Mode { FAST, SLOW }
              record Tick(List<String> notes) {}

              @Durable long restarts;
              Set<Mode> modes = EnumSet.noneOf(Mode.class);
              final Ledger ledger = new Ledger();

              @OnStart
              void onStart(Context context) {
                restarts++;
                context.setTimerMicros(1_000, new Tick(List.of("first")));
              }

              @OnMessage
              void onTick(Tick tick) {
                modes.add(Mode.FAST);
              }
            }
            """);
    JavaFileObject main =
        source(
            "test.CounterSim",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.SimulationBuilder;
            @SimulationMain
            final class CounterSim {
              public static Simulation build(long seed) {
                return SimulationBuilder.create().node(0, Counter::new).seed(seed).build();
              }
            }
            """);
    Compilation compilation =
        javac()
            .withProcessors(new HeliosProcessor())
            .withClasspath(CompiledRuntime.classpath())
            .withOptions("--release", "17", "-Xlint:all", "-Werror")
            .compile(Compilations.LEDGER, file, main);
    assertThat(compilation).succeededWithoutWarnings();
  }
}
