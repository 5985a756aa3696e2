package io.vigil.contracts;

/** How bad an incident is, SEV1 (worst) to SEV5. */
public enum IncidentSeverity {
    SEV1, SEV2, SEV3, SEV4, SEV5
}
