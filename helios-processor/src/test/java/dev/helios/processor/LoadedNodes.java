package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;

/**
 * User nodes compiled with the processor and loaded, so tests can run their generated companions.
 *
 * <p>The test class path cannot hold the runtime (see {@link CompiledRuntime}), so this test-only
 * code reaches the runtime and the nodes through reflection: companions are found through
 * {@link ServiceLoader} and the generated services file, exactly as the runtime finds them, and
 * driven through the public {@code NodeCompanion} interface.
 */
final class LoadedNodes {
  private static final String NODE_COMPANION = "dev.helios.runtime.internal.NodeCompanion";
  private static final String CONTEXT = "dev.helios.runtime.Context";
  private static final String COPIER = "dev.helios.runtime.internal.Copier";

  private final ClassLoader loader;

  private LoadedNodes(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Compiles {@code sources}, which must compile without warnings, writes the class output into
   * {@code directory} and loads it over the compiled runtime.
   */
  static LoadedNodes compile(Path directory, JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        String path = file.toUri().getPath();
        String prefix = "/CLASS_OUTPUT/";
        if (!path.startsWith(prefix)) {
          continue;
        }
        Path target = directory.resolve(path.substring(prefix.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
      return new LoadedNodes(
          new URLClassLoader(new URL[] {directory.toUri().toURL()}, RuntimeLoader.LOADER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The companion of node class {@code name}, as ServiceLoader finds it. */
  Companion companion(String name) {
    Class<?> companionInterface = load(NODE_COMPANION);
    for (Object companion : ServiceLoader.load(companionInterface, loader)) {
      Class<?> nodeClass = (Class<?>) invoke(method(companionInterface, "nodeClass"), companion);
      if (nodeClass.getName().equals(name)) {
        return new Companion(companionInterface, companion, nodeClass, load(COPIER));
      }
    }
    throw new AssertionError("no companion for " + name + " in META-INF/services");
  }

  /** A new instance of class {@code name} made by its constructor taking {@code arguments}. */
  Object create(String name, Object... arguments) {
    for (Constructor<?> constructor : load(name).getDeclaredConstructors()) {
      if (constructor.getParameterCount() == arguments.length) {
        constructor.setAccessible(true);
        try {
          return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
          throw rethrow(e);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError(name + " has no constructor taking " + arguments.length + " arguments");
  }

  /** A runtime {@code Context} that appends "log:line" and "reply:message" to {@code events}. */
  Object recordingContext(List<String> events) {
    Class<?> context = load(CONTEXT);
    return Proxy.newProxyInstance(
        context.getClassLoader(),
        new Class<?>[] {context},
        (proxy, method, arguments) -> {
          switch (method.getName()) {
            case "log" -> events.add("log:" + arguments[0]);
            case "reply" -> events.add("reply:" + arguments[0]);
            case "self" -> {
              return 0;
            }
            case "sender" -> {
              return -1;
            }
            case "now" -> {
              return 0L;
            }
            default -> throw new UnsupportedOperationException(method.getName());
          }
          return null;
        });
  }

  Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The value of field {@code name} of {@code target}. */
  static Object get(Object target, String name) {
    try {
      return field(target, name).get(target);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  static void set(Object target, String name, Object value) {
    try {
      field(target, name).set(target, value);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the method {@code name} of {@code target} that takes no arguments. */
  static Object call(Object target, String name) {
    try {
      Method method = target.getClass().getDeclaredMethod(name);
      method.setAccessible(true);
      return invoke(method, target);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** The field {@code name} of {@code target}'s class or the nearest superclass declaring one. */
  private static Field field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // Look in the superclass.
      }
    }
    throw new AssertionError(target.getClass().getName() + " has no field " + name);
  }

  private static Method method(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError(type.getName() + " has no method " + name);
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static RuntimeException rethrow(InvocationTargetException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(e.getCause());
  }

  /** One generated companion, driven through the runtime's {@code NodeCompanion} interface. */
  static final class Companion {
    private final Object companion;
    private final Class<?> nodeClass;
    private final Method dispatch;
    private final Method start;
    private final Method copyState;
    private final Method fingerprint;
    private final Method describe;
    private final Method messageDigest;
    private final Method messageText;
    private final Class<?> copier;

    private Companion(Class<?> companionInterface, Object companion, Class<?> nodeClass, Class<?> copier) {
      this.companion = companion;
      this.nodeClass = nodeClass;
      this.copier = copier;
      this.messageDigest = method(companionInterface, "messageDigest");
      this.messageText = method(companionInterface, "messageText");
      this.dispatch = method(companionInterface, "dispatch");
      this.start = method(companionInterface, "start");
      this.copyState = method(companionInterface, "copyState");
      this.fingerprint = method(companionInterface, "fingerprint");
      this.describe = method(companionInterface, "describe");
    }

    /** A node made by its constructor without parameters, as a node factory would. */
    Object newNode() {
      try {
        Constructor<?> constructor = nodeClass.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw rethrow(e);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    boolean dispatch(Object node, Object message, Object context) {
      return (Boolean) invoke(dispatch, companion, node, message, context);
    }

    void start(Object node, Object context) {
      invoke(start, companion, node, context);
    }

    /** A fresh node made a copy of {@code source}, as a fork makes one. */
    Object copy(Object source) {
      Object target = newNode();
      copyState(source, target);
      return target;
    }

    /** Copies {@code source} into {@code target} through a new copier, as a fork of one node does. */
    void copyState(Object source, Object target) {
      copyState(source, target, newCopier());
    }

    /** Copies through {@code copier}, shared by several copies as one fork shares it across nodes. */
    void copyState(Object source, Object target, Object copier) {
      invoke(copyState, companion, source, target, copier);
    }

    /** A new {@code Copier} of the compiled runtime. */
    Object newCopier() {
      try {
        return copier.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    long messageDigest(Object message) {
      return (Long) invoke(messageDigest, companion, message);
    }

    /** The message's text as the trace shows it, or null if the companion does not know its type. */
    String messageText(Object message) {
      StringBuilder out = new StringBuilder();
      return (Boolean) invoke(messageText, companion, message, out) ? out.toString() : null;
    }

    long fingerprint(Object node) {
      return (Long) invoke(fingerprint, companion, node);
    }

    String describe(Object node) {
      StringBuilder json = new StringBuilder();
      invoke(describe, companion, node, json);
      return json.toString();
    }
  }

  /** The compiled runtime's classes, loaded once, apart from the test class path. */
  private static final class RuntimeLoader {
    static final ClassLoader LOADER = create();

    private static ClassLoader create() {
      try {
        return new URLClassLoader(
            new URL[] {CompiledRuntime.directory().toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
