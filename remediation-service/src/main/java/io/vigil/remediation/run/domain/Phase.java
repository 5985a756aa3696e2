package io.vigil.remediation.run.domain;

import java.util.Locale;

/** Whether a step belongs to the runbook's steps or to its rollback. */
public enum Phase {
    MAIN, ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
