package io.vigil.incident.incident.application;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one alert into an incident: opens one for a new problem, or counts the alert on the open
 * incident of the same problem. Safe under redelivery (inbox) and under concurrent duplicates (the
 * database allows one open incident per service and fingerprint).
 */
@Service
public class RecordAlert {

    static final String CONSUMER = "incident-core.record-alert";
    private static final int INSERT_ATTEMPTS = 3;

    private final Incidents incidents;
    private final DedupWindow dedupWindow;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public RecordAlert(Incidents incidents, DedupWindow dedupWindow, Inbox inbox, Outbox outbox, Clock clock) {
        this.incidents = incidents;
        this.dedupWindow = dedupWindow;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param eventId     the id of the message that carried the alert
     * @param traceparent the trace context to carry on to the events this causes
     */
    @Transactional
    public AlertOutcome record(UUID eventId, AlertSignal alert, String traceparent) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return new AlertOutcome.AlreadyProcessed();
        }
        Instant now = clock.instant();
        Optional<Incident> existing = countOnKnownIncident(alert, now);
        if (existing.isPresent()) {
            return new AlertOutcome.Deduplicated(existing.get());
        }
        if (!alert.firing()) {
            return new AlertOutcome.NothingOpen();
        }
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            Optional<Incident> opened = incidents.insertIfNoneOpen(
                    Incident.openFor(StableIds.of("incident", alert.alertId().toString()), alert, now));
            if (opened.isPresent()) {
                announce(opened.get(), alert, traceparent);
                return new AlertOutcome.Opened(opened.get());
            }
            // Another consumer opened it between our look and our insert: count on theirs.
            Optional<Incident> theirs = incidents.countAlertOnOpen(alert.service(), alert.fingerprint(), now);
            if (theirs.isPresent()) {
                dedupWindow.remember(alert.service(), alert.fingerprint(), theirs.get().id());
                return new AlertOutcome.Deduplicated(theirs.get());
            }
        }
        throw new IllegalStateException("could not open or join an incident for " + alert.fingerprint());
    }

    private Optional<Incident> countOnKnownIncident(AlertSignal alert, Instant now) {
        Optional<UUID> remembered = dedupWindow.openIncidentOf(alert.service(), alert.fingerprint());
        if (remembered.isPresent()) {
            Optional<Incident> counted = incidents.countAlertOn(remembered.get(), now);
            if (counted.isPresent()) {
                return counted;
            }
        }
        Optional<Incident> counted = incidents.countAlertOnOpen(alert.service(), alert.fingerprint(), now);
        counted.ifPresent(incident -> dedupWindow.remember(alert.service(), alert.fingerprint(), incident.id()));
        return counted;
    }

    private void announce(Incident incident, AlertSignal alert, String traceparent) {
        incidents.addTimelineEntry(incident.id(), incident.openedAt(), "opened",
                "Opened by alert %s: %s".formatted(alert.alertId(), incident.title()));
        IncidentOpened event = new IncidentOpened(incident.id(), incident.number(), incident.title(),
                incident.service(), IncidentSeverity.valueOf(incident.severity().name()),
                io.vigil.contracts.Urgency.valueOf(incident.urgency().name()), incident.fingerprint(),
                alert.alertId(), incident.openedAt());
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(StableIds.of("IncidentOpened", incident.id().toString()),
                incident.id().toString(), event, clock, traceparent));
        dedupWindow.remember(incident.service(), incident.fingerprint(), incident.id());
    }
}
