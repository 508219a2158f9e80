package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a {@link Node} that survives a crash: when the node restarts, the fresh instance from
 * the node's factory receives a copy of this field from the crashed instance before
 * {@link OnStart} runs. Every other field starts afresh, as state in memory would.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Durable {}
