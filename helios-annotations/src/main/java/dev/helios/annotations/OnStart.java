package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method a {@link Node} runs when it starts (at time zero) and again each time it restarts.
 *
 * <p>At most one per node class: non-private, non-static, returns {@code void}, and takes either
 * no parameters or one {@code Context}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnStart {}
