package io.vigil.incident.severity.application;

import io.vigil.incident.severity.domain.WatchedIncident;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The open incidents the severity matrix watches, and the reminders already sent about them. */
public interface ReminderLedger {

    /** Every open incident with its latest reopening and latest update. */
    List<WatchedIncident> openIncidents();

    /** The reminders already sent about incidents that are still open: a pass skips them without a transaction. */
    Set<UUID> sentForOpenIncidents();

    /**
     * Remembers that this reminder (or escalation) went out, in the caller's transaction.
     *
     * @return {@code true} when it is new; {@code false} when it was sent before and must not be sent again
     */
    boolean firstTime(UUID reminderId, UUID incidentId, String kind, Instant dueAt, Instant sentAt);
}
