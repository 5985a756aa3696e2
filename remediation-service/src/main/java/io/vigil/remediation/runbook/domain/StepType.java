package io.vigil.remediation.runbook.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of step a runbook may use. */
public enum StepType {
    CHECK, ACTION, WAIT, NOTIFY, APPROVAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepType> fromWire(String name) {
        for (StepType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
