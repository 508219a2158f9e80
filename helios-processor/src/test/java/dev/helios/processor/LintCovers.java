package dev.helios.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The determinism checks a test method checks; {@link LintCoverageTest} reads it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface LintCovers {
  Lint[] value();
}
