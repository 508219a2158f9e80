package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A simulated node: a class whose {@link OnMessage} methods handle the messages delivered to it.
 *
 * <p>At compile time the Helios processor writes a companion class {@code Foo_Helios} beside each
 * {@code @Node} class {@code Foo} (nested {@code Outer.Foo} gives {@code Outer_Foo_Helios}). The
 * companion dispatches messages to handlers without reflection and copies, fingerprints and
 * describes the node's state. Every instance field is state; it must be reachable from the same
 * package (not {@code private}) and of a type the processor knows how to copy.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Node {}
