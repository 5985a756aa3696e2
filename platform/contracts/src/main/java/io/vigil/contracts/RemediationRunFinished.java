package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A remediation run ended. Published on {@link Topics#REMEDIATION_EVENTS} keyed by the incident id; the envelope's
 * event id is derived from the run id, so a replay reports the same end.
 *
 * @param runId          the run
 * @param incidentId     the incident it acted on
 * @param runbook        the runbook's name
 * @param runbookVersion the runbook's version the run kept to
 * @param outcome        {@code succeeded}; {@code failed} (a step failed and there was nothing to roll back);
 *                       {@code rejected} (a human rejected an approval and there was nothing to roll back);
 *                       {@code rolled_back} (after a failure or a rejection, the rollback steps ran);
 *                       {@code rollback_failed} (a rollback step failed too); or {@code cancelled} (a human
 *                       stopped it; nothing is rolled back)
 * @param summary        why it ended, in words
 * @param dryRun         its actions were only described, not executed
 * @param at             when it ended
 */
public record RemediationRunFinished(UUID runId, UUID incidentId, String runbook, int runbookVersion, String outcome,
        String summary, boolean dryRun, Instant at) implements Message {

    public RemediationRunFinished {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
