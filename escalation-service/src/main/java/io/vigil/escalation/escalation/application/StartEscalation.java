package io.vigil.escalation.escalation.application;

import io.vigil.contracts.IncidentOpened;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes on a newly opened incident. Paging through policies and schedules comes with issue 4/9. */
@Service
public class StartEscalation {

    static final String CONSUMER = "escalation-service.start-escalation";

    private final Escalations escalations;
    private final Inbox inbox;
    private final Clock clock;

    public StartEscalation(Escalations escalations, Inbox inbox, Clock clock) {
        this.escalations = escalations;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void start(UUID eventId, IncidentOpened opened) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        escalations.startIfAbsent(new Escalation(opened.incidentId(), opened.service(), opened.severity().name(),
                opened.urgency().name(), "STARTED", clock.instant()));
    }
}
