package io.vigil.incident.incident.application;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.AddNote;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.ResolveIncident;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.starter.inbox.Inbox;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out a command other services send on {@code incident-commands.v1} (a Slack button, an SMS
 * reply, a PagerDuty acknowledge or resolve): once per command id, whoever sends it again. A command
 * the incident's state refuses is written on its timeline; a command naming no known (open) incident
 * is logged and counted. Neither is retried: sending it again would not change the answer.
 */
@Service
public class CarryOutCommand {

    static final String CONSUMER = "incident-core.commands";
    private static final Logger log = LoggerFactory.getLogger(CarryOutCommand.class);

    /** What became of a command. */
    public enum Result { DONE, REFUSED, UNMATCHED, ALREADY_DONE }

    private final Inbox inbox;
    private final Incidents incidents;
    private final IncidentJournal journal;
    private final ChangeStatus changeStatus;
    private final EscalateNow escalateNow;
    private final WriteNote writeNote;
    private final IncidentMetrics metrics;

    public CarryOutCommand(Inbox inbox, Incidents incidents, IncidentJournal journal, ChangeStatus changeStatus,
            EscalateNow escalateNow, WriteNote writeNote, IncidentMetrics metrics) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.journal = journal;
        this.changeStatus = changeStatus;
        this.escalateNow = escalateNow;
        this.writeNote = writeNote;
        this.metrics = metrics;
    }

    /**
     * @param command one of {@link AcknowledgeIncident}, {@link ResolveIncident}, {@link EscalateIncident},
     *                {@link AddNote}
     * @throws IllegalArgumentException for any other message
     */
    @Transactional(noRollbackFor = IllegalTransition.class)
    public Result carryOut(Message command, String traceparent) {
        String type = command.getClass().getSimpleName();
        Result result = switch (command) {
            case AcknowledgeIncident c -> once(c.commandId(), c.incident(), c.actor(), type,
                    id -> changeStatus.change(new ChangeStatus.Command(id, IncidentStatus.ACKNOWLEDGED, c.actor(),
                            c.note(), c.commandId(), traceparent)));
            case ResolveIncident c -> once(c.commandId(), c.incident(), c.actor(), type,
                    id -> changeStatus.change(new ChangeStatus.Command(id, IncidentStatus.RESOLVED, c.actor(),
                            c.note(), c.commandId(), traceparent)));
            case EscalateIncident c -> once(c.commandId(), c.incident(), c.actor(), type,
                    id -> escalateNow.escalate(new EscalateNow.Command(id, c.actor(), c.note(), c.commandId(),
                            traceparent)));
            case AddNote c -> once(c.commandId(), c.incident(), c.actor(), type,
                    id -> writeNote.write(new WriteNote.Command(id, c.text(), c.actor(), c.commandId(),
                            traceparent)));
            default -> throw new IllegalArgumentException(type + " is not an incident command");
        };
        if (result != Result.ALREADY_DONE) {
            metrics.command(type, result.name().toLowerCase(Locale.ROOT));
        }
        return result;
    }

    private Result once(UUID commandId, IncidentRef ref, Actor actor, String type,
            Consumer<UUID> action) {
        if (!inbox.firstDelivery(CONSUMER, commandId)) {
            return Result.ALREADY_DONE;
        }
        Optional<UUID> target = ref.incidentId() != null
                ? incidents.find(ref.incidentId()).map(Incident::id)
                : incidents.openIncidentOf(ref.service(), ref.fingerprint());
        if (target.isEmpty()) {
            log.warn("{} {} from {} names no {}incident ({}); nothing to do", type, commandId, actor.id(),
                    ref.incidentId() != null ? "" : "open ", ref);
            return Result.UNMATCHED;
        }
        try {
            action.accept(target.get());
            return Result.DONE;
        } catch (IllegalTransition refused) {
            log.info("{} {} from {} refused: {}", type, commandId, actor.id(), refused.getMessage());
            journal.remark(target.get(), "refused", "%s from %s refused: %s".formatted(type, actor.id(),
                    refused.getMessage()), actor);
            return Result.REFUSED;
        }
    }
}
