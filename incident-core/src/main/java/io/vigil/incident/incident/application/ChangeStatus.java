package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves an incident through its lifecycle: acknowledge, the working states, resolve, reopen, close. */
@Service
public class ChangeStatus {

    /**
     * @param cause the id of the request or command; the events derive their ids from it
     * @param note  optional words for the timeline, or {@code null}
     */
    public record Command(UUID incidentId, IncidentStatus target, Actor actor, String note, UUID cause,
            String traceparent) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Clock clock;

    public ChangeStatus(Incidents incidents, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * @return the incident after the change
     * @throws IllegalTransition when the lifecycle does not allow it; nothing changed
     * @throws ResourceNotFound  when there is no such incident
     */
    @Transactional(noRollbackFor = IllegalTransition.class)
    public Incident change(Command command) {
        Incident before = incidents.lock(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        Outcome outcome = before.moveTo(command.target(), command.actor(), command.note(), clock.instant());
        journal.write(before, outcome, command.cause(), command.traceparent());
        return outcome.incident();
    }
}
