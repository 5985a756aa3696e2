package io.vigil.escalation.escalation.application;

import io.vigil.contracts.IncidentOpened;
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
 * Takes on a newly opened incident: finds its service's policy and schedules level 1 at once. A tombstone left by
 * an acknowledgement or resolution that came first keeps it from starting.
 */
@Service
public class StartEscalation {

    static final String CONSUMER = "escalation-service.start-escalation";

    private final Escalations escalations;
    private final EscalationSteps steps;
    private final EscalationLog log;
    private final CurrentDirectory directory;
    private final Inbox inbox;
    private final Clock clock;

    public StartEscalation(Escalations escalations, EscalationSteps steps, EscalationLog log,
            CurrentDirectory directory, Inbox inbox, Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.log = log;
        this.directory = directory;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void start(UUID eventId, IncidentOpened opened) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Instant now = clock.instant();
        Optional<EscalationPolicy> policy = directory.directory().policyFor(opened.service());
        Escalation escalation = new Escalation(opened.incidentId(), opened.service(), opened.severity().name(),
                opened.urgency().name(), policy.isPresent() ? Escalation.ESCALATING : Escalation.NO_POLICY, now,
                opened.number(), opened.title(), policy.map(EscalationPolicy::id).orElse(null), 1, 0, 0, 0);
        if (!escalations.startIfAbsent(escalation)) {
            return;
        }
        if (policy.isEmpty()) {
            log.record(opened.incidentId(), new EscalationLog.Entry(now, "NO_POLICY", 1, 0, 0,
                    "no escalation policy for service " + opened.service()));
            return;
        }
        log.record(opened.incidentId(), new EscalationLog.Entry(now, "STARTED", 1, 0, 0, "policy " + policy.get().id()));
        steps.scheduleFirstPage(opened.incidentId(), 1, now);
    }
}
