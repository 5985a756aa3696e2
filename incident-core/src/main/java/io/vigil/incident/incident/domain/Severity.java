package io.vigil.incident.incident.domain;

/** SEV1 (worst) to SEV5. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4, SEV5;

    /** SEV1 to SEV3 wake people; SEV4 and SEV5 wait. */
    public Urgency defaultUrgency() {
        return ordinal() <= SEV3.ordinal() ? Urgency.HIGH : Urgency.LOW;
    }
}
