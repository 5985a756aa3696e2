package io.vigil.remediation.runbook.domain;

import io.vigil.contracts.IncidentSeverity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A runbook that passed validation: what starts it, what it does and what undoes it.
 *
 * @param name             unique name, also its address under {@code /v1/runbooks}
 * @param description      what it is for, in words
 * @param trigger          which opened incidents start it
 * @param mode             whether a matching incident starts it at once or only suggests it
 * @param dryRun           every action is described, none executed
 * @param resolvesIncident success resolves the incident
 * @param parameters       names to templates over the incident's values, e.g. {@code namespace: "{{labels.namespace}}"}
 * @param steps            what it does, in order
 * @param rollback         what undoes it, run last first after a failure or a rejection
 * @param guardrails       limits on when and where it may act
 * @param secrets          the secrets its steps use as {@code {{secrets.<name>}}}, by reference
 */
public record Runbook(String name, String description, Trigger trigger, Mode mode, boolean dryRun,
        boolean resolvesIncident, Map<String, String> parameters, List<Step> steps, List<Step> rollback,
        Guardrails guardrails, Map<String, SecretReference> secrets) {

    public Runbook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        parameters = Map.copyOf(parameters);
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
        Objects.requireNonNull(guardrails, "guardrails");
        secrets = Map.copyOf(secrets);
    }

    /** How a matching incident starts a runbook. */
    public enum Mode {
        /** The run starts at once. */
        AUTO,
        /** The run is created waiting for a human to approve it. */
        SUGGEST
    }

    /**
     * Whether an incident of this severity needs a human's approval before the run acts.
     */
    public boolean needsApproval(IncidentSeverity severity) {
        return guardrails.approvalAtOrAbove() != null && severity.ordinal() <= guardrails.approvalAtOrAbove().ordinal();
    }
}
