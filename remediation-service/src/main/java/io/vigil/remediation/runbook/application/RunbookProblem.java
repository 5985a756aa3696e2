package io.vigil.remediation.runbook.application;

/**
 * One thing wrong with a runbook.
 *
 * @param field where, e.g. {@code steps[1].http.url}
 */
public record RunbookProblem(String field, String message) {
}
