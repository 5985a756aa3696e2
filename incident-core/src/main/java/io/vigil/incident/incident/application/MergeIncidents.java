package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A responder merges an incident into another that is about the same problem. */
@Service
public class MergeIncidents {

    public record Command(UUID sourceId, UUID targetId, Actor actor, String note) {
    }

    private final Incidents incidents;
    private final IncidentJournal journal;
    private final Clock clock;

    public MergeIncidents(Incidents incidents, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * @return the target after the merge
     * @throws IllegalTransition        when either incident's state does not allow it; nothing changed
     * @throws IllegalArgumentException when source and target are the same incident
     */
    @Transactional(noRollbackFor = {IllegalTransition.class, IllegalArgumentException.class})
    public Incident merge(Command command) {
        if (command.sourceId().equals(command.targetId())) {
            throw new IllegalArgumentException("an incident cannot be merged into itself");
        }
        // Both rows are locked in id order, so two opposite merges cannot deadlock.
        boolean sourceFirst = command.sourceId().compareTo(command.targetId()) < 0;
        Incident first = locked(sourceFirst ? command.sourceId() : command.targetId());
        Incident second = locked(sourceFirst ? command.targetId() : command.sourceId());
        Incident source = sourceFirst ? first : second;
        Incident target = sourceFirst ? second : first;
        Incident.Merge merge = source.mergeInto(target, command.actor(), command.note(), clock.instant());
        UUID cause = UUID.randomUUID();
        journal.write(source, merge.source(), cause, null);
        incidents.moveAlertsAndCopyTimeline(source, target);
        journal.write(target, merge.target(), cause, null);
        return merge.target().incident();
    }

    private Incident locked(UUID id) {
        return incidents.lock(id).orElseThrow(() -> new ResourceNotFound("incident", id));
    }
}
