package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A message handler of a {@link Node} class.
 *
 * <p>The method is non-private, non-static, returns {@code void} and takes either
 * {@code (M message)} or {@code (M message, Context context)}, where {@code M} is a reference type.
 * A handler for a supertype or interface receives its subtypes too; when several handlers match a
 * message, the one for the most specific type runs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnMessage {}
