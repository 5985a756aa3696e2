package io.vigil.remediation.run.application;

import io.vigil.remediation.run.domain.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A remediation run as stored.
 *
 * @param trigger   {@code auto}, {@code suggest} or {@code manual}
 * @param variables the incident's values its templates are filled from, frozen at its start
 * @param startedBy who started it ({@code system} or an API caller's name)
 * @param summary   why it ended, or {@code null} while it runs
 */
public record RunRecord(UUID id, UUID incidentId, String service, String runbook, int runbookVersion,
        String trigger, RunState state, boolean dryRun, Map<String, String> variables, String startedBy,
        Instant startedAt, Instant finishedAt, String summary) {

    public RunRecord finish(RunState finalState, String why, Instant at) {
        return new RunRecord(id, incidentId, service, runbook, runbookVersion, trigger, finalState, dryRun, variables,
                startedBy, startedAt, at, why);
    }

    /** The run with more values for its later steps' templates. */
    public RunRecord withVariables(Map<String, String> more) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(variables);
        merged.putAll(more);
        return new RunRecord(id, incidentId, service, runbook, runbookVersion, trigger, state, dryRun, merged,
                startedBy, startedAt, finishedAt, summary);
    }

    public RunRecord withState(RunState newState) {
        return new RunRecord(id, incidentId, service, runbook, runbookVersion, trigger, newState, dryRun, variables,
                startedBy, startedAt, finishedAt, summary);
    }
}
