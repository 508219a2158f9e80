package dev.helios.processor;

import com.palantir.javapoet.ClassName;

/** The companion of {@code a.b.Outer.Foo} is {@code a.b.Outer_Foo_Helios}. */
final class CompanionNames {
  private CompanionNames() {}

  static ClassName companionOf(ClassName nodeClass) {
    return ClassName.get(nodeClass.packageName(), String.join("_", nodeClass.simpleNames()) + "_Helios");
  }
}
