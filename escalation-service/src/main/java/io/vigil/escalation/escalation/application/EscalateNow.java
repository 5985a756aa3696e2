package io.vigil.escalation.escalation.application;

import io.vigil.contracts.IncidentEscalated;
import io.vigil.contracts.Urgency;
import io.vigil.escalation.escalation.domain.EscalationPath;
import io.vigil.escalation.oncall.application.CurrentDirectory;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone asked to escalate: the level after the one that last fired is paged now instead of after its delay.
 * An acknowledged incident escalates again too; a resolved or merged one does not.
 */
@Service
public class EscalateNow {

    static final String CONSUMER = "escalation-service.escalate-now";

    private final Escalations escalations;
    private final EscalationSteps steps;
    private final EscalationLog log;
    private final CurrentDirectory directory;
    private final Inbox inbox;
    private final Clock clock;

    public EscalateNow(Escalations escalations, EscalationSteps steps, EscalationLog log, CurrentDirectory directory,
            Inbox inbox, Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.log = log;
        this.directory = directory;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void escalate(UUID eventId, IncidentEscalated escalated) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Optional<Escalation> found = escalations.lock(escalated.incidentId());
        if (found.isEmpty() || found.get().over()) {
            return;
        }
        Escalation current = found.get();
        Optional<EscalationPolicy> policy = Optional.ofNullable(current.policyId())
                .or(() -> directory.directory().policyFor(current.service()).map(EscalationPolicy::id))
                .map(id -> directory.directory().policies().get(id));
        if (policy.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        steps.cancelPending(current.incidentId());
        EscalationPath.Next.Page next = EscalationPath.escalateNow(policy.get(), current.level(), current.round(), now);
        // A tombstone knows no severity or urgency: the event tells; a manual escalation without either pages.
        String severity = escalated.severity() != null ? escalated.severity().name() : current.severity();
        String urgency = escalated.urgency() != null ? escalated.urgency().name()
                : current.urgency() != null ? current.urgency() : Urgency.HIGH.name();
        escalations.update(new Escalation(current.incidentId(), current.service(), severity, urgency,
                Escalation.ESCALATING, current.startedAt(), current.number(),
                escalated.title() != null ? escalated.title() : current.title(), policy.get().id(), current.cycle(),
                current.level(), current.round(), current.pages()), now);
        log.record(current.incidentId(), new EscalationLog.Entry(now, "ESCALATED", current.cycle(), next.level(),
                next.round(), "by " + escalated.actor().kind() + ":" + escalated.actor().id()));
        steps.schedule(current.incidentId(), current.cycle(), EscalationSteps.Kind.PAGE, next.level(), next.round(),
                next.dueAt());
    }
}
