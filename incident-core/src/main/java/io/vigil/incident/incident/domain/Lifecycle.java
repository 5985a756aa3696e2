package io.vigil.incident.incident.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed moves between {@link IncidentStatus}es. Working states may be visited in
 * any order (an identified cause can turn out wrong); resolved is reached from any open state;
 * only a resolved incident reopens or closes; closed and merged are final.
 */
public final class Lifecycle {

    private static final Set<IncidentStatus> WORKING = EnumSet.of(IncidentStatus.ACKNOWLEDGED,
            IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MITIGATING,
            IncidentStatus.MONITORING);

    private static final Map<IncidentStatus, EnumSet<IncidentStatus>> ALLOWED = new EnumMap<>(IncidentStatus.class);

    static {
        ALLOWED.put(IncidentStatus.TRIGGERED, with(WORKING, IncidentStatus.RESOLVED, IncidentStatus.MERGED));
        ALLOWED.put(IncidentStatus.REOPENED, with(WORKING, IncidentStatus.RESOLVED, IncidentStatus.MERGED));
        ALLOWED.put(IncidentStatus.ACKNOWLEDGED, with(without(WORKING, IncidentStatus.ACKNOWLEDGED),
                IncidentStatus.RESOLVED, IncidentStatus.MERGED));
        for (IncidentStatus working : EnumSet.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
                IncidentStatus.MITIGATING, IncidentStatus.MONITORING)) {
            ALLOWED.put(working, with(without(WORKING, IncidentStatus.ACKNOWLEDGED, working),
                    IncidentStatus.RESOLVED, IncidentStatus.MERGED));
        }
        ALLOWED.put(IncidentStatus.RESOLVED, EnumSet.of(IncidentStatus.REOPENED, IncidentStatus.CLOSED));
        ALLOWED.put(IncidentStatus.CLOSED, EnumSet.noneOf(IncidentStatus.class));
        ALLOWED.put(IncidentStatus.MERGED, EnumSet.noneOf(IncidentStatus.class));
    }

    private Lifecycle() {
    }

    public static boolean allows(IncidentStatus from, IncidentStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Where an incident in {@code from} may go next, in lifecycle order. */
    public static Set<IncidentStatus> allowedFrom(IncidentStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    private static EnumSet<IncidentStatus> with(Set<IncidentStatus> base, IncidentStatus... more) {
        EnumSet<IncidentStatus> result = EnumSet.copyOf(base);
        result.addAll(Set.of(more));
        return result;
    }

    private static EnumSet<IncidentStatus> without(Set<IncidentStatus> base, IncidentStatus... less) {
        EnumSet<IncidentStatus> result = EnumSet.copyOf(base);
        Set.of(less).forEach(result::remove);
        return result;
    }
}
