package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step of a remediation run started (its first attempt). Published on {@link Topics#REMEDIATION_EVENTS} keyed by
 * the incident id; the envelope's event id is derived from (run, step position), so a replay reports the same start.
 *
 * @param runId          the run
 * @param incidentId     the incident it acts on
 * @param runbook        the runbook's name
 * @param runbookVersion the runbook's version the run keeps to
 * @param step           the step's name in the runbook
 * @param stepType       {@code check}, {@code action}, {@code wait}, {@code notify} or {@code approval}
 * @param phase          {@code main} for the runbook's steps, {@code rollback} for its rollback steps
 * @param description    what the step does, in words, with the incident's values filled in
 * @param dryRun         the step's action is only described, not executed
 * @param at             when it started
 * @param service        the incident's service, so an approval can be asked in its Slack channel; {@code null}
 *                       from senders before it was added
 */
public record RemediationStepStarted(UUID runId, UUID incidentId, String runbook, int runbookVersion, String step,
        String stepType, String phase, String description, boolean dryRun, Instant at, String service)
        implements Message {

    public RemediationStepStarted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(at, "at");
    }

    /** A step start that does not name the service. */
    public RemediationStepStarted(UUID runId, UUID incidentId, String runbook, int runbookVersion, String step,
            String stepType, String phase, String description, boolean dryRun, Instant at) {
        this(runId, incidentId, runbook, runbookVersion, step, stepType, phase, description, dryRun, at, null);
    }
}
