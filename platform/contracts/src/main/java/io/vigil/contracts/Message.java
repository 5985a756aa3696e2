package io.vigil.contracts;

/**
 * A payload that travels inside an {@link Envelope}: an event (past tense) or a command (imperative).
 * Every implementation is registered in {@link MessageCatalog} with its wire type name and version.
 */
public interface Message {
}
