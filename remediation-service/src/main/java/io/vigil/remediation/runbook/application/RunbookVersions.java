package io.vigil.remediation.runbook.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every version of every runbook; versions are never changed or removed, so a run can always read its own. */
public interface RunbookVersions {

    /**
     * Stores {@code source} as the next version of {@code name}, unless it equals the latest one.
     *
     * @return the version now latest and whether this call added it
     */
    Saved saveIfChanged(String name, String source, String createdBy, Instant at);

    /** What {@link #saveIfChanged} did. */
    record Saved(int version, boolean added) {
    }

    Optional<StoredRunbook> latest(String name);

    Optional<StoredRunbook> version(String name, int version);

    /** The latest version of every runbook, by name. */
    List<StoredRunbook> latestOfEach();

    /** Every version of one runbook, oldest first. */
    List<StoredRunbook> history(String name);
}
