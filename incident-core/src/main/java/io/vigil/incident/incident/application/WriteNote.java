package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds a note to an incident's timeline. */
@Service
public class WriteNote {

    public record Command(UUID incidentId, String text, Actor actor, UUID cause, String traceparent) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Clock clock;

    public WriteNote(Incidents incidents, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Incident write(Command command) {
        Incident incident = incidents.find(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        Outcome outcome = incident.note(command.text(), command.actor(), clock.instant());
        journal.write(incident, outcome, command.cause(), command.traceparent());
        return incident;
    }
}
