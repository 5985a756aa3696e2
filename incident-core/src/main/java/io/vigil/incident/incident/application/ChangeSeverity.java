package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A responder reclassifies an incident. */
@Service
public class ChangeSeverity {

    /** @param urgency the new urgency, or {@code null} for the severity's default */
    public record Command(UUID incidentId, Severity severity, Urgency urgency, Actor actor, UUID cause) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Clock clock;

    public ChangeSeverity(Incidents incidents, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = IllegalTransition.class)
    public Incident change(Command command) {
        Incident before = incidents.lock(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        Outcome outcome = before.classify(command.severity(), command.urgency(), command.actor(), clock.instant());
        journal.write(before, outcome, command.cause(), null);
        return outcome.incident();
    }
}
