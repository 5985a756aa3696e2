package io.vigil.incident.incident.domain;

import java.util.Locale;

/**
 * The default classification of an alert's own severity. SEV1 is left to responders and rules: no
 * single alert declares the worst kind of incident by itself.
 */
public final class SeverityRules {

    private SeverityRules() {
    }

    public static Severity fromSourceSeverity(String sourceSeverity) {
        if (sourceSeverity == null) {
            return Severity.SEV3;
        }
        return switch (sourceSeverity.toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.SEV2;
            case "error" -> Severity.SEV3;
            case "warning" -> Severity.SEV4;
            case "info" -> Severity.SEV5;
            default -> Severity.SEV3;
        };
    }
}
