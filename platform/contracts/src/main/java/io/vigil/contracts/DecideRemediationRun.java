package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Command on {@link Topics#REMEDIATION_COMMANDS} (key = run id): a person approves or rejects the approval step a
 * remediation run waits on, e.g. with the buttons notification-service posted in Slack. remediation-service carries
 * it out once; a decision on a run that no longer waits changes nothing.
 *
 * @param commandId   stable id of this command, derived from the answer at the channel
 * @param runId       the run
 * @param incidentId  the incident the run acts on
 * @param decision    {@code approve} or {@code reject}
 * @param actor       who decided
 * @param reason      optional words, or {@code null}
 * @param requestedAt when it was decided
 */
public record DecideRemediationRun(UUID commandId, UUID runId, UUID incidentId, String decision, Actor actor,
        String reason, Instant requestedAt) implements Message {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    public DecideRemediationRun {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new IllegalArgumentException("decision must be approve or reject, not " + decision);
        }
    }
}
