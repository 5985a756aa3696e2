package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asks escalation-service for the next level now ({@code IncidentEscalated}); the state does not change. */
@Service
public class EscalateNow {

    public record Command(UUID incidentId, Actor actor, String note, UUID cause, String traceparent) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Clock clock;

    public EscalateNow(Incidents incidents, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = IllegalTransition.class)
    public Incident escalate(Command command) {
        Incident incident = incidents.lock(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        Outcome outcome = incident.escalate(command.actor(), command.note(), clock.instant());
        journal.write(incident, outcome, command.cause(), command.traceparent());
        return outcome.incident();
    }
}
