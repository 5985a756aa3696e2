package io.vigil.remediation.run.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.StableIds;
import io.vigil.remediation.RemediationApplication;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.starter.inbox.Inbox;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers a newly opened incident and starts the runbooks whose trigger it matches: at once in {@code auto} mode,
 * waiting for a human's approval in {@code suggest} mode. A redelivered event changes nothing.
 */
@Service
public class TakeOpenedIncident {

    static final String CONSUMER = "remediation-service.take-opened-incident";
    private static final Logger log = LoggerFactory.getLogger(TakeOpenedIncident.class);

    private final KnownIncidents incidents;
    private final Runbooks runbooks;
    private final StartRun startRun;
    private final Inbox inbox;

    public TakeOpenedIncident(KnownIncidents incidents, Runbooks runbooks, StartRun startRun, Inbox inbox) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.startRun = startRun;
        this.inbox = inbox;
    }

    @Transactional
    public void take(UUID eventId, IncidentOpened opened) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        KnownIncident incident = new KnownIncident(opened.incidentId(), opened.number(), opened.title(),
                opened.service(), opened.severity(), opened.urgency().name(), opened.fingerprint(), opened.alertId(),
                opened.openedAt(), opened.labels(), opened.annotations());
        if (!incidents.remember(incident)) {
            return;
        }
        // The labels of the alert that opened the incident: what alertName and label triggers match on.
        Map<String, String> labels = incident.labels();
        for (Runbooks.Versioned current : runbooks.current()) {
            Runbook runbook = current.runbook();
            if (!runbook.trigger().matches(incident.service(), incident.severity(), labels)) {
                continue;
            }
            String trigger = runbook.mode() == Runbook.Mode.SUGGEST ? "suggest" : "auto";
            UUID runId = StableIds.of("remediation-run", incident.incidentId().toString(), runbook.name());
            StartRun.Outcome outcome = startRun.start(runId, incident, runbook.name(),
                    current.version(), runbook, trigger, Actor.system(RemediationApplication.SERVICE_NAME));
            if (outcome instanceof StartRun.Outcome.Refused refused) {
                log.info("Runbook {} matches incident {} but does not start: {}", runbook.name(),
                        incident.incidentId(), refused.reason());
            }
        }
    }
}
