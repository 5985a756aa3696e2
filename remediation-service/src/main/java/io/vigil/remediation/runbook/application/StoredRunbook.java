package io.vigil.remediation.runbook.application;

import java.time.Instant;

/**
 * One stored version of a runbook.
 *
 * @param source the document as it was submitted (YAML or JSON)
 */
public record StoredRunbook(String name, int version, String source, Instant createdAt, String createdBy) {
}
