package io.vigil.remediation.run.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remediation runs and their steps, the durable state of every run. */
public interface Runs {

    /** @return {@code false} when a run with this id exists already */
    boolean insert(RunRecord run, List<StepRecord> steps);

    Optional<RunRecord> find(UUID runId);

    /** The run, locked until the transaction ends, so a decision and the poller do not act on it at once. */
    Optional<RunRecord> lock(UUID runId);

    List<RunRecord> forIncident(UUID incidentId);

    List<RunRecord> recent(int limit);

    List<StepRecord> steps(UUID runId);

    /**
     * Claims one step that is due (or whose wait for a decision ran out) with its run, locked and skipped by other
     * pollers until the transaction ends.
     */
    Optional<StepRecord> claimDue(Instant now);

    void update(StepRecord step);

    void update(RunRecord run);

    /** How many runs of the runbook the incident has had. */
    int count(UUID incidentId, String runbook);

    /** When the runbook last started on the service, if ever. */
    Optional<Instant> lastStart(String runbook, String service);
}
