package io.vigil.incident.statuspage.domain;

import java.util.Collection;

/**
 * The page's overall status: the worst of what its components show and of the impact of its active incidents
 * (an incident may be declared before any component is marked down); a maintenance under way shows as
 * maintenance unless something is worse.
 */
public final class OverallStatus {

    private OverallStatus() {
    }

    public static Indicator of(Collection<ComponentStatus> components, Collection<PublicIncident> incidents) {
        Indicator overall = Indicator.NONE;
        for (ComponentStatus status : components) {
            overall = overall.worse(indicatorOf(status.impact()));
        }
        for (PublicIncident incident : incidents) {
            if (incident.active()) {
                overall = overall.worse(indicatorOf(incident.impact()));
            }
        }
        return overall;
    }

    private static Indicator indicatorOf(Impact impact) {
        return switch (impact) {
            case NONE -> Indicator.NONE;
            case MAINTENANCE -> Indicator.MAINTENANCE;
            case MINOR -> Indicator.MINOR;
            case MAJOR -> Indicator.MAJOR;
            case CRITICAL -> Indicator.CRITICAL;
        };
    }
}
