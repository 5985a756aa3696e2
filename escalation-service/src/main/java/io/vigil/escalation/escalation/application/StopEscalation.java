package io.vigil.escalation.escalation.application;

import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops an escalation when its incident is acknowledged, resolved or merged into another: cancels the pending step.
 * Idempotent, and safe before the incident's {@code IncidentOpened} was processed: the stop is remembered as a
 * tombstone, which needs nothing but the incident's id, number and service.
 */
@Service
public class StopEscalation {

    static final String CONSUMER = "escalation-service.stop-escalation";

    /** Why an escalation stops; each is the state it is left in. */
    public enum Reason {
        ACKNOWLEDGED(Escalation.ACKNOWLEDGED),
        RESOLVED(Escalation.RESOLVED),
        /** Merged into another incident, which escalates (or not) on its own. */
        MERGED(Escalation.MERGED);

        private final String state;

        Reason(String state) {
            this.state = state;
        }

        public String state() {
            return state;
        }
    }

    /**
     * Which incident stopped, and why.
     *
     * @param eventId the incident event that stopped it, for redelivery
     * @param title   may be {@code null} when the event does not carry it
     * @param at      when the incident was acknowledged, resolved or merged
     */
    public record Command(UUID eventId, UUID incidentId, long number, String title, String service, Reason reason,
            Instant at) {
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
        String state = command.reason().state();
        escalations.stop(Escalation.tombstone(command.incidentId(), command.service(), state, command.at(),
                command.number(), command.title()), now);
        int cancelled = steps.cancelPending(command.incidentId());
        Escalation current = escalations.find(command.incidentId()).orElseThrow();
        log.record(command.incidentId(), new EscalationLog.Entry(now, state, current.cycle(), current.level(),
                current.round(), cancelled + " pending step(s) cancelled"));
    }
}
