/**
 * A linearizability checker for client histories: a history is linearizable when every operation
 * can be given one instant between its call and its return at which it takes effect, so that a
 * sequential {@link dev.helios.runtime.linearizability.Model} stepped through the operations in
 * that order gives every output the clients saw.
 *
 * <p>Record the history at the clients, in simulated time: an operation's call time is when the
 * client first sends the request, its return time when the response arrives, and a retry of the
 * same request is part of the one operation, not a new one. An operation still waiting when the
 * client crashes or the run ends stays in the history as {@link
 * dev.helios.runtime.linearizability.Operation#pending pending}: it may have taken effect, and a
 * read elsewhere may have seen it. Then:
 *
 * <pre>{@code
 * LinearizabilityResult<KvInput<Long>, Object> result =
 *     LinearizabilityChecker.check(Models.keyValue(), history);
 * assertTrue(result.isLinearizable(), result::describe);
 * }</pre>
 *
 * {@link dev.helios.runtime.linearizability.Models} has a register and a key-value map; any other
 * object needs its own model. Depends only on the JDK.
 */
package dev.helios.runtime.linearizability;
