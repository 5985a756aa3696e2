package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A responder opens an incident by hand (no alert fired, or a customer called). */
@Service
public class DeclareIncident {

    /** @param urgency {@code null} for the severity's default */
    public record Command(String title, String service, Severity severity, Urgency urgency, String description,
            Actor actor) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Outbox outbox;
    private final Clock clock;

    public DeclareIncident(Incidents incidents, IncidentJournal journal, Outbox outbox,
            Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Incident declare(Command command) {
        UUID id = UUID.randomUUID();
        Incident incident = incidents.insertIfNoneOpen(Incident.declare(id, command.title(), command.service(),
                command.severity(), command.urgency(), clock.instant()))
                .orElseThrow(() -> new IllegalStateException("a new manual fingerprint cannot be open already"));
        String summary = "Declared by %s: %s".formatted(command.actor().id(), incident.title());
        journal.remark(incident.id(), "opened", command.description() == null || command.description().isBlank()
                ? summary : summary + " — " + command.description(), command.actor());
        IncidentOpened event = new IncidentOpened(incident.id(), incident.number(), incident.title(),
                incident.service(), IncidentSeverity.valueOf(incident.severity().name()),
                io.vigil.contracts.Urgency.valueOf(incident.urgency().name()), incident.fingerprint(), null,
                incident.openedAt());
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(StableIds.of("IncidentOpened", incident.id().toString()),
                incident.id().toString(), event, clock, null));
        return incident;
    }
}
