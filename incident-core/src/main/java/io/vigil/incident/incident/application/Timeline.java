package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to an incident, in order. */
public interface Timeline {

    /**
     * One line of the timeline.
     *
     * @param kind  {@code opened}, {@code grouped}, {@code caused-by}, {@code alert-resolved}, {@code acknowledged},
     *              {@code status}, {@code resolved}, {@code reopened}, {@code closed}, {@code severity},
     *              {@code escalated}, {@code note}, {@code refused}, {@code role}, {@code split}, {@code merged};
     *              from escalation-service {@code paged}, {@code escalation-level-skipped},
     *              {@code escalation-exhausted}; from notification-service {@code notification-sent},
     *              {@code notification-retrying}, {@code notification-fell-back}, {@code notification-failed},
     *              {@code notification-cancelled}; from the status page {@code status-page-update} (a public update
     *              of a public incident linked to this one); from the SLA feature {@code impact} (the incident was
     *              marked customer-impacting, or not); from remediation-service {@code remediation-started},
     *              {@code remediation-step-started}, {@code remediation-step-finished}, {@code remediation-finished}
     * @param actor who did it, or {@code null} for the alert source's own doing
     */
    record Entry(Instant at, String kind, String summary, Actor actor) {
    }

    /** Adds a line; the incident need not exist yet, its lines show once it does. */
    void add(UUID incidentId, Entry entry);

    List<Entry> entriesOf(UUID incidentId);
}
