package io.vigil.remediation.run.domain;

import java.util.Locale;

/**
 * Where one step of a run is: {@code PENDING} until its turn, {@code DUE} from then (at its due time it is tried, and
 * tried again after a failed attempt while retries remain), {@code WAITING} for a human's decision, then one of the
 * final states.
 */
public enum StepState {
    PENDING, DUE, WAITING, SUCCEEDED, FAILED, REJECTED, SKIPPED, CANCELLED;

    public boolean finished() {
        return this != PENDING && this != DUE && this != WAITING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
