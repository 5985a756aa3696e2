package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentChange;
import io.vigil.incident.incident.domain.InvalidSplit;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A responder moves some alerts of an incident into a new incident: they were another problem after all. */
@Service
public class SplitIncident {

    /** @param title the new incident's title, or {@code null} for the original's */
    public record Command(UUID incidentId, List<String> fingerprints, String title, Actor actor) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final DedupWindow dedupWindow;
    private final Clock clock;

    public SplitIncident(Incidents incidents, IncidentJournal journal, DedupWindow dedupWindow, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.dedupWindow = dedupWindow;
        this.clock = clock;
    }

    /**
     * @return the new incident
     * @throws IllegalTransition when the incident is not open
     * @throws InvalidSplit      when the alerts cannot be split off
     */
    @Transactional(noRollbackFor = {IllegalTransition.class, InvalidSplit.class})
    public Incident split(Command command) {
        Incident source = incidents.lock(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        List<String> fingerprints = command.fingerprints().stream().distinct().toList();
        Instant now = clock.instant();
        Incident candidate = source.splitOff(UUID.randomUUID(), fingerprints,
                incidents.fingerprintsOf(source.id()), command.title(), now);
        Incident created = incidents.insertIfNoneOpen(candidate)
                .orElseThrow(() -> new IllegalStateException("an alert of an open incident is open elsewhere"));
        incidents.moveAlerts(source.id(), created.id(), fingerprints);
        journal.write(source, new Outcome(source, List.of(new IncidentChange.SplitOff(created.id(), created.number(),
                fingerprints, command.actor(), now))), UUID.randomUUID(), null);
        journal.opened(created, "Split from #%d by %s: %s".formatted(source.number(), command.actor().id(),
                String.join(", ", fingerprints)), command.actor(), null);
        fingerprints.forEach(fingerprint -> dedupWindow.remember(created.service(), fingerprint, created.id()));
        return created;
    }
}
