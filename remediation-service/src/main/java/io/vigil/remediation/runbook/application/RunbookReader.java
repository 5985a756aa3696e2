package io.vigil.remediation.runbook.application;

import io.vigil.remediation.runbook.domain.Runbook;

/** Reads a runbook document's text (YAML, or JSON, which is YAML too). */
public interface RunbookReader {

    /**
     * @param expectedName the name it is stored under, or {@code null} to take the document's own
     * @throws InvalidRunbook listing every problem, with its path
     */
    Runbook read(String source, String expectedName);
}
