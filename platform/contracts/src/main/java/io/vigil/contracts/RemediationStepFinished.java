package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step of a remediation run finished, after its last attempt. Published on {@link Topics#REMEDIATION_EVENTS} keyed
 * by the incident id; the envelope's event id is derived from (run, step position), so a replay reports the same
 * outcome.
 *
 * @param runId          the run
 * @param incidentId     the incident it acts on
 * @param runbook        the runbook's name
 * @param runbookVersion the runbook's version the run keeps to
 * @param step           the step's name in the runbook
 * @param stepType       {@code check}, {@code action}, {@code wait}, {@code notify} or {@code approval}
 * @param phase          {@code main} or {@code rollback}
 * @param outcome        {@code succeeded}, {@code failed}, {@code rejected} (an approval a human refused) or
 *                       {@code cancelled}
 * @param attempts       how many times it was tried
 * @param output         what it observed or did, in a few words (an HTTP status and the start of the body...)
 * @param dryRun         the step's action was only described, not executed
 * @param at             when it finished
 */
public record RemediationStepFinished(UUID runId, UUID incidentId, String runbook, int runbookVersion, String step,
        String stepType, String phase, String outcome, int attempts, String output, boolean dryRun, Instant at)
        implements Message {

    public RemediationStepFinished {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
