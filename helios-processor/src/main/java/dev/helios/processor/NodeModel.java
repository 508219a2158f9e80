package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Everything the writer needs to generate one companion, in source order. */
record NodeModel(
    TypeElement element,
    Role role,
    ClassName nodeClass,
    ClassName companionClass,
    List<Handler> handlers,
    Optional<Start> start,
    List<StateField> fields,
    List<MessageType> messageTypes) {

  /** Whether the class is a node (dispatch and start too) or only copyable state. */
  enum Role {
    NODE,
    COPYABLE
  }

  /** An {@code @OnMessage} method, with handlers for subtypes ordered before their supertypes. */
  record Handler(
      String methodName, TypeName messageType, TypeMirror erasedMessageType, boolean generic, boolean takesContext) {}

  /** The {@code @OnStart} method. */
  record Start(String methodName, boolean takesContext) {}

  /** An instance field of the class or a superclass, with how to copy it. */
  record StateField(String name, String owner, boolean isFinal, boolean durable, Shape shape) {}

  /**
   * A concrete message class the companion digests, renders and copies by value: a {@link
   * Shape.Value} (record or final value class) or a {@link Shape.Copyable}.
   */
  record MessageType(ClassName type, Shape shape) {
    boolean copyable() {
      return shape instanceof Shape.Copyable;
    }
  }
}
