package io.vigil.escalation.escalation.application;

import io.vigil.contracts.IncidentReopened;
import io.vigil.escalation.oncall.application.CurrentDirectory;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reopened incident escalates again from level 1, as a new cycle whose pages get new request ids. */
@Service
public class RestartEscalation {

    static final String CONSUMER = "escalation-service.restart-escalation";

    private final Escalations escalations;
    private final EscalationSteps steps;
    private final EscalationLog log;
    private final CurrentDirectory directory;
    private final Inbox inbox;
    private final Clock clock;

    public RestartEscalation(Escalations escalations, EscalationSteps steps, EscalationLog log,
            CurrentDirectory directory, Inbox inbox, Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.log = log;
        this.directory = directory;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void restart(UUID eventId, IncidentReopened reopened) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Instant now = clock.instant();
        Optional<EscalationPolicy> policy = directory.directory().policyFor(reopened.service());
        String state = policy.isPresent() ? Escalation.ESCALATING : Escalation.NO_POLICY;
        String policyId = policy.map(EscalationPolicy::id).orElse(null);
        Escalation fresh = new Escalation(reopened.incidentId(), reopened.service(), reopened.severity().name(),
                reopened.urgency().name(), state, now, reopened.number(), reopened.title(), policyId, 1, 0, 0, 0);
        Escalation restarted;
        if (escalations.startIfAbsent(fresh)) {
            restarted = fresh;
        } else {
            Escalation current = escalations.lock(reopened.incidentId()).orElseThrow();
            steps.cancelPending(reopened.incidentId());
            restarted = new Escalation(current.incidentId(), reopened.service(), reopened.severity().name(),
                    reopened.urgency().name(), state, current.startedAt(), reopened.number(), reopened.title(),
                    policyId, current.cycle() + 1, 0, 0, 0);
            escalations.update(restarted, now);
        }
        log.record(reopened.incidentId(), new EscalationLog.Entry(now, "REOPENED", restarted.cycle(), 0, 0,
                policyId == null ? "no escalation policy for service " + reopened.service() : "policy " + policyId));
        if (policy.isPresent()) {
            steps.scheduleFirstPage(reopened.incidentId(), restarted.cycle(), now);
        }
    }
}
