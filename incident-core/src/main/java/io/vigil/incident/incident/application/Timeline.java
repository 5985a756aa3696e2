package io.vigil.incident.incident.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to an incident, in order. */
public interface Timeline {

    /** One line of the timeline. */
    record Entry(Instant at, String kind, String summary) {
    }

    List<Entry> entriesOf(UUID incidentId);
}
