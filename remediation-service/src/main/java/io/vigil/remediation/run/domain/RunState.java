package io.vigil.remediation.run.domain;

import java.util.Locale;

/** Where a remediation run is. The last six are final. */
public enum RunState {
    RUNNING, ROLLING_BACK, SUCCEEDED, FAILED, ROLLED_BACK, ROLLBACK_FAILED, REJECTED, CANCELLED;

    public boolean finished() {
        return this != RUNNING && this != ROLLING_BACK;
    }

    /** The outcome's name on the wire ({@code rolled_back}...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
