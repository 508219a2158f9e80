package dev.helios.bench.dispatch;

import dev.helios.runtime.Context;
import dev.helios.runtime.SimRandom;
import dev.helios.runtime.internal.NodeCompanion;
import dev.helios.runtime.internal.NodeCompanions;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dispatch cost: calling the right handler for a message of one of four types, in a fixed random
 * order, through the generated companion, through reflection by handler name (as DSLabs does; both
 * looked up on every message and cached per message class), and through cached method handles.
 * One operation is one message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(DispatchBenchmark.MESSAGE_COUNT)
public class DispatchBenchmark {
  /** Messages per invocation. */
  public static final int MESSAGE_COUNT = 1024;

  private final Object[] messages = new Object[MESSAGE_COUNT];
  private final Context context = new IdleContext();
  private final Map<Class<?>, Method> methodByClass = new HashMap<>();
  private final Map<Class<?>, MethodHandle> handleByClass = new HashMap<>();
  private NodeCompanion<DispatchNode> companion;
  private DispatchNode node;

  @Setup
  public void prepare() throws ReflectiveOperationException {
    SimRandom random = new SimRandom(3);
    for (int i = 0; i < MESSAGE_COUNT; i++) {
      messages[i] =
          switch (random.nextInt(4)) {
            case 0 -> new Messages.Append(i);
            case 1 -> new Messages.Vote(i);
            case 2 -> new Messages.Heartbeat(i);
            default -> new Messages.Snapshot(i);
          };
    }
    companion = NodeCompanions.of(DispatchNode.class);
    node = new DispatchNode();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodType erased = MethodType.methodType(void.class, DispatchNode.class, Object.class, Context.class);
    for (Class<?> type : new Class<?>[] {Messages.Append.class, Messages.Vote.class, Messages.Heartbeat.class, Messages.Snapshot.class}) {
      Method method = handlerOf(type);
      methodByClass.put(type, method);
      handleByClass.put(type, lookup.unreflect(method).asType(erased));
    }
  }

  private static Method handlerOf(Class<?> messageType) throws NoSuchMethodException {
    Method method = DispatchNode.class.getDeclaredMethod("on" + messageType.getSimpleName(), messageType, Context.class);
    method.setAccessible(true);
    return method;
  }

  @Benchmark
  public long generated() throws Exception {
    for (Object message : messages) {
      companion.dispatch(node, message, context);
    }
    return node.total;
  }

  @Benchmark
  public long reflectionCached() throws Exception {
    for (Object message : messages) {
      methodByClass.get(message.getClass()).invoke(node, message, context);
    }
    return node.total;
  }

  @Benchmark
  public long reflectionLookupEachMessage() throws Exception {
    for (Object message : messages) {
      handlerOf(message.getClass()).invoke(node, message, context);
    }
    return node.total;
  }

  @Benchmark
  public long methodHandleCached() throws Throwable {
    for (Object message : messages) {
      handleByClass.get(message.getClass()).invokeExact(node, message, context);
    }
    return node.total;
  }
}
