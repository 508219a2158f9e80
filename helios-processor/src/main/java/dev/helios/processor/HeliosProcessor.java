package dev.helios.processor;

import com.google.auto.service.AutoService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Helios annotation processor: for each {@code @Node} or {@code @Copyable} class it validates
 * the class, builds a model and writes the companion {@code Foo_Helios}; it lists node companions
 * in {@code META-INF/services} so the runtime finds them without reflection; for each
 * {@code @SimulationMain} class it writes {@code FooMain}, listed the same way as a
 * {@code SimulationSource}.
 */
@AutoService(Processor.class)
public final class HeliosProcessor extends AbstractProcessor {
  static final String GENERATED = "javax.annotation.processing.Generated";
  static final String SERVICE_FILE =
      "META-INF/services/dev.helios.runtime.internal.NodeCompanion";
  static final String SOURCES_FILE = "META-INF/services/dev.helios.runtime.SimulationSource";

  /**
   * Classes whose types did not resolve yet, retried next round (another processor may make them)
   * and reported, not validated, if they still have not when processing ends.
   */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Node companions generated in this compilation, for the services file. */
  private final Set<String> companions = new TreeSet<>();
  /** Generated mains (each a SimulationSource) in this compilation, for their services file. */
  private final Set<String> mains = new TreeSet<>();

  @Override
  public void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    LocalClassValidator.register(processingEnv);
    DeterminismLint.register(processingEnv);
  }

  /** {@code -Ahelios.strict=true} makes every determinism finding an error. */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(DeterminismLint.STRICT_OPTION);
  }

  /**
   * Helios's annotations, and {@code @Generated}, which marks the files this processor writes: it
   * claims them all (see {@link #process}). Without {@code @Generated} here, javac's
   * {@code -Xlint:processing} would warn in the round that compiles the generated companions that
   * no processor claimed it, and {@code -Werror} builds would fail on Helios's own output.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        NodeValidator.NODE,
        NodeValidator.COPYABLE,
        NodeValidator.ON_MESSAGE,
        NodeValidator.ON_START,
        NodeValidator.DURABLE,
        MainValidator.SIMULATION_MAIN,
        GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager()
          .printMessage(Kind.ERROR, Diagnostic.UNEXPECTED.format("this compilation", trace));
    }
    // Claims its own annotations (every one it supports), so javac's -Xlint:processing does not
    // warn that nobody did, and builds with -Werror pass.
    return true;
  }

  private void processRound(RoundEnvironment round) {
    NodeValidator validator =
        new NodeValidator(
            processingEnv.getTypeUtils(),
            processingEnv.getElementUtils(),
            processingEnv.getMessager(),
            compiledTypes(round));
    // A class annotated both @Node and @Copyable is found twice but validated once.
    Set<TypeElement> candidates = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        candidates.add(element);
      }
    }
    deferred.clear();
    for (String annotation : List.of(NodeValidator.NODE, NodeValidator.COPYABLE)) {
      TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
      if (annotationType != null) {
        for (Element element : round.getElementsAnnotatedWith(annotationType)) {
          candidates.add((TypeElement) element);
        }
      }
    }
    for (String annotation : List.of(NodeValidator.ON_MESSAGE, NodeValidator.ON_START)) {
      TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
      if (annotationType != null) {
        String simpleName = annotationType.getSimpleName().toString();
        for (Element method : round.getElementsAnnotatedWith(annotationType)) {
          validator.checkEnclosedInNode((ExecutableElement) method, simpleName);
        }
      }
    }
    TypeElement durable = processingEnv.getElementUtils().getTypeElement(NodeValidator.DURABLE);
    if (durable != null) {
      for (Element field : round.getElementsAnnotatedWith(durable)) {
        validator.checkDurable((javax.lang.model.element.VariableElement) field);
      }
    }
    for (TypeElement candidate : candidates) {
      NodeModel.Role role =
          ShapeResolver.hasAnnotation(candidate, NodeValidator.NODE) ? NodeModel.Role.NODE : NodeModel.Role.COPYABLE;
      Optional<UnresolvedTypes.Unresolved> unresolved = UnresolvedTypes.find(candidate);
      if (unresolved.isEmpty()) {
        validator.validate(candidate, role).ifPresent(this::write);
      } else if (!round.processingOver()) {
        deferred.add(candidate.getQualifiedName().toString());
      } else {
        // Validating it would report the error type as an unsupported shape, which misleads.
        processingEnv.getMessager()
            .printMessage(
                Kind.ERROR,
                Diagnostic.UNRESOLVED_TYPE.format(
                    role == NodeModel.Role.NODE ? "Node" : "Copyable",
                    candidate.getSimpleName(),
                    unresolved.get().type(),
                    unresolved.get().where()),
                candidate);
      }
    }
    TypeElement simulationMain = processingEnv.getElementUtils().getTypeElement(MainValidator.SIMULATION_MAIN);
    if (simulationMain != null) {
      MainValidator mainValidator = new MainValidator(processingEnv.getMessager());
      for (Element element : round.getElementsAnnotatedWith(simulationMain)) {
        mainValidator.validate((TypeElement) element).ifPresent(this::writeMain);
      }
    }
    if (round.processingOver()) {
      writeServices(SERVICE_FILE, companions);
      writeServices(SOURCES_FILE, mains);
    }
  }

  /** Every class, interface, record and enum compiled in this round, nested ones included, in source order. */
  private static List<TypeElement> compiledTypes(RoundEnvironment round) {
    List<TypeElement> types = new ArrayList<>();
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      addWithMembers(root, types);
    }
    return types;
  }

  private static void addWithMembers(TypeElement type, List<TypeElement> into) {
    into.add(type);
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      addWithMembers(member, into);
    }
  }

  private void writeMain(MainValidator.MainModel model) {
    try {
      MainWriter.write(model, getClass().getName()).writeTo(processingEnv.getFiler());
      mains.add(model.mainClass().reflectionName());
    } catch (IOException e) {
      processingEnv.getMessager()
          .printMessage(Kind.ERROR, Diagnostic.WRITE_FAILED.format(model.mainClass(), e.getMessage()), model.element());
    }
  }

  private void write(NodeModel model) {
    try {
      CompanionWriter.write(model, getClass().getName()).writeTo(processingEnv.getFiler());
      if (model.role() == NodeModel.Role.NODE) {
        companions.add(model.companionClass().reflectionName());
      }
    } catch (IOException e) {
      processingEnv.getMessager()
          .printMessage(
              Kind.ERROR, Diagnostic.WRITE_FAILED.format(model.companionClass(), e.getMessage()), model.element());
    }
  }

  /** Writes a services file, keeping entries an earlier incremental compilation wrote. */
  private void writeServices(String serviceFile, Set<String> generated) {
    if (generated.isEmpty()) {
      return;
    }
    Filer filer = processingEnv.getFiler();
    Set<String> entries = new TreeSet<>(generated);
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", serviceFile);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (!line.isBlank() && !line.startsWith("#")) {
            entries.add(line.trim());
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No earlier file: nothing to keep.
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", serviceFile);
      try (Writer writer = file.openWriter()) {
        for (String entry : entries) {
          writer.write(entry);
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager()
          .printMessage(Kind.ERROR, Diagnostic.WRITE_FAILED.format(serviceFile, e.getMessage()));
    }
  }
}
