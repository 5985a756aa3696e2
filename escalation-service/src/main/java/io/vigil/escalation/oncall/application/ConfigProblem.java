package io.vigil.escalation.oncall.application;

/**
 * One thing wrong with a configuration document.
 *
 * @param field where, e.g. {@code schedules[0].layers[1].participants[2]}
 */
public record ConfigProblem(String field, String message) {
}
