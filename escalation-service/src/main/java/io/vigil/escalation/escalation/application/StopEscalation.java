package io.vigil.escalation.escalation.application;

import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Urgency;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops an escalation when its incident is acknowledged or resolved: cancels the pending step. Idempotent, and
 * safe before the incident's {@code IncidentOpened} was processed: the stop is remembered as a tombstone.
 */
@Service
public class StopEscalation {

    static final String CONSUMER = "escalation-service.stop-escalation";

    /** Which incident stopped, and why. */
    public record Command(UUID eventId, UUID incidentId, long number, String title, String service,
            IncidentSeverity severity, Urgency urgency, boolean resolved, Instant at) {
    }

    private final Escalations escalations;
    private final EscalationSteps steps;
    private final EscalationLog log;
    private final Inbox inbox;
    private final Clock clock;

    public StopEscalation(Escalations escalations, EscalationSteps steps, EscalationLog log, Inbox inbox,
            Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.log = log;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void stop(Command command) {
        if (!inbox.firstDelivery(CONSUMER, command.eventId())) {
            return;
        }
        Instant now = clock.instant();
        String state = command.resolved() ? Escalation.RESOLVED : Escalation.ACKNOWLEDGED;
        escalations.stop(new Escalation(command.incidentId(), command.service(),
                command.severity() == null ? null : command.severity().name(),
                command.urgency() == null ? null : command.urgency().name(), state, command.at(), command.number(),
                command.title(), null, 1, 0, 0, 0), now);
        int cancelled = steps.cancelPending(command.incidentId());
        Escalation current = escalations.find(command.incidentId()).orElseThrow();
        log.record(command.incidentId(), new EscalationLog.Entry(now, state, current.cycle(), current.level(),
                current.round(), cancelled + " pending step(s) cancelled"));
    }
}
