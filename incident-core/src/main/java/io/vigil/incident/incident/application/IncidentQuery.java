package io.vigil.incident.incident.application;

import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import java.time.Instant;
import java.util.Set;

/**
 * Which incidents to list, newest first.
 *
 * @param service     only this service, or {@code null} for all
 * @param fingerprint only this problem, or {@code null} for all
 * @param openOnly    leave out resolved, closed and merged incidents
 * @param statuses    only these states; empty for all
 * @param severities  only these severities; empty for all
 * @param from        opened at or after, or {@code null}
 * @param to          opened before, or {@code null}
 * @param after       continue after this position (keyset paging), or {@code null} for the first page
 */
public record IncidentQuery(String service, String fingerprint, boolean openOnly, Set<IncidentStatus> statuses,
        Set<Severity> severities, Instant from, Instant to, Position after, int limit, int offset) {

    public IncidentQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    /** Where a page ended: the last incident's opening time and number. */
    public record Position(Instant openedAt, long number) {
    }
}
