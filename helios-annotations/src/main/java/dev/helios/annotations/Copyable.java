package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mutable class that node state may hold: the processor writes a companion {@code Foo_Helios}
 * that deep-copies, fingerprints and describes it, field by field, exactly as for a {@link Node}.
 *
 * <p>The class needs a constructor without parameters that is not {@code private}; copies start
 * from a fresh instance made by it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Copyable {}
