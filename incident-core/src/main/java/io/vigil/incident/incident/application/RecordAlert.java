package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.AlertGrouped;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentReopened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.IncidentProperties;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.incident.incident.domain.CorrelationKey;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Lifecycle;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.incident.incident.domain.ServiceGraph;
import io.vigil.incident.incident.domain.SeverityPolicy;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns one alert into an incident: opens one for a new problem, counts the alert on the open
 * incident of the same problem, reopens an incident resolved within the reopen window, and resolves
 * the incident when the source clears its last alert, and joins alerts sharing a group key into one
 * incident. Safe under redelivery (inbox) and under concurrent duplicates (the database allows one
 * open incident per service and fingerprint, and per service and group key).
 *
 * <p>Several alerts can be recorded in one transaction ({@link #recordAll}): a consumer catching up pays one
 * commit and two Redis round trips (one look-up, one write) per batch instead of per alert. The dedup window
 * learns an incident only once the transaction that opened or counted on it has committed.
 */
@Service
public class RecordAlert {

    static final String CONSUMER = "incident-core.record-alert";
    private static final Object PENDING_MEMORY = new Object();
    private static final int INSERT_ATTEMPTS = 3;

    private final Incidents incidents;
    private final DedupWindow dedupWindow;
    private final IncidentJournal journal;
    private final IncidentMetrics metrics;
    private final Inbox inbox;
    private final Outbox outbox;
    private final IncidentProperties properties;
    private final SeverityPolicy severityPolicy;
    private final ServiceGraph serviceGraph;
    private final Clock clock;

    public RecordAlert(Incidents incidents, DedupWindow dedupWindow, IncidentJournal journal,
            IncidentMetrics metrics, Inbox inbox, Outbox outbox, IncidentProperties properties,
            SeverityPolicy severityPolicy, ServiceGraph serviceGraph, Clock clock) {
        this.incidents = incidents;
        this.dedupWindow = dedupWindow;
        this.journal = journal;
        this.metrics = metrics;
        this.inbox = inbox;
        this.outbox = outbox;
        this.properties = properties;
        this.severityPolicy = severityPolicy;
        this.serviceGraph = serviceGraph;
        this.clock = clock;
    }

    /**
     * One alert as it came.
     *
     * @param eventId     the id of the message that carried the alert
     * @param traceparent the trace context to carry on to the events this causes
     */
    public record Delivery(UUID eventId, AlertSignal alert, String traceparent) {
    }

    /**
     * @param eventId     the id of the message that carried the alert
     * @param traceparent the trace context to carry on to the events this causes
     */
    @Transactional
    public AlertOutcome record(UUID eventId, AlertSignal alert, String traceparent) {
        Optional<UUID> remembered = alert.firing()
                ? dedupWindow.openIncidentOf(alert.service(), alert.fingerprint()) : Optional.empty();
        return recordOne(new Delivery(eventId, alert, traceparent), remembered);
    }

    /**
     * Records the alerts in order, all in one transaction: either all of them count or, when one fails, none
     * does (the caller can then record them one by one to find the one that fails).
     *
     * @return what each alert did, in order
     */
    @Transactional
    public List<AlertOutcome> recordAll(List<Delivery> deliveries) {
        List<DedupWindow.Problem> firing = deliveries.stream().map(Delivery::alert).filter(AlertSignal::firing)
                .map(alert -> new DedupWindow.Problem(alert.service(), alert.fingerprint())).distinct().toList();
        Map<DedupWindow.Problem, UUID> remembered = firing.isEmpty() ? Map.of() : dedupWindow.openIncidentsOf(firing);
        List<AlertOutcome> outcomes = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            AlertSignal alert = delivery.alert();
            outcomes.add(recordOne(delivery, alert.firing() ? Optional.ofNullable(remembered.get(
                    new DedupWindow.Problem(alert.service(), alert.fingerprint()))) : Optional.empty()));
        }
        return outcomes;
    }

    /** @param remembered the incident the dedup window remembered for a firing alert's problem, if any */
    private AlertOutcome recordOne(Delivery delivery, Optional<UUID> remembered) {
        UUID eventId = delivery.eventId();
        AlertSignal alert = delivery.alert();
        String traceparent = delivery.traceparent();
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return new AlertOutcome.AlreadyProcessed();
        }
        AlertOutcome outcome = alert.firing() ? fire(alert, traceparent, eventId, remembered)
                : clear(alert, eventId, traceparent);
        metrics.alert(switch (outcome) {
            case AlertOutcome.Opened ignored -> "new";
            case AlertOutcome.Deduplicated ignored -> "deduplicated";
            case AlertOutcome.Grouped ignored -> "grouped";
            case AlertOutcome.Reopened ignored -> "reopened";
            case AlertOutcome.Cleared ignored -> "resolved";
            case AlertOutcome.NothingOpen ignored -> "ignored";
            case AlertOutcome.AlreadyProcessed ignored -> "redelivered";
        });
        return outcome;
    }

    private AlertOutcome fire(AlertSignal alert, String traceparent, UUID eventId, Optional<UUID> remembered) {
        Instant now = clock.instant();
        Optional<Incident> existing = countOnKnownIncident(alert, remembered, now);
        if (existing.isPresent()) {
            return new AlertOutcome.Deduplicated(existing.get());
        }
        Optional<Incident> reopened = incidents.reopenRecent(alert.service(), alert.fingerprint(),
                now.minus(properties.reopenWindow()), now);
        if (reopened.isPresent()) {
            announceReopening(reopened.get(), alert, eventId, traceparent);
            return new AlertOutcome.Reopened(reopened.get());
        }
        Grouping grouping = groupingOf(alert, now);
        if (grouping != null) {
            Optional<Incident> group = incidents.countAlertOnGroup(alert.service(), grouping.key(),
                    grouping.activeSince(), now);
            if (group.isPresent()) {
                return grouped(group.get(), alert, grouping, eventId, traceparent);
            }
        }
        SeverityPolicy.Classification classification = severityPolicy.classify(alert);
        String insertKey = grouping == null ? null : grouping.key();
        UUID upstreamCause = incidents.oldestOpenIn(serviceGraph.upstreamsOf(alert.service()))
                .map(Incident::id).orElse(null);
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            Optional<Incident> opened = incidents.openWithFirstAlert(Incident.openFor(
                    StableIds.of("incident", alert.alertId().toString()), alert, classification, now)
                    .causedBy(upstreamCause), insertKey);
            if (opened.isPresent()) {
                announceOpening(opened.get(), alert, classification, traceparent);
                if (alert.startsAt() != null && !alert.startsAt().isAfter(now)) {
                    metrics.detected(alert.service(), opened.get().severity().name(),
                            Duration.between(alert.startsAt(), now));
                }
                return new AlertOutcome.Opened(opened.get());
            }
            // Another consumer opened or reopened it between our look and our insert: count on theirs.
            Optional<Incident> theirs = incidents.countAlertOnOpen(alert.service(), alert.fingerprint(), now);
            if (theirs.isPresent()) {
                rememberOnCommit(alert.service(), alert.fingerprint(), theirs.get().id());
                return new AlertOutcome.Deduplicated(theirs.get());
            }
            if (grouping != null) {
                Optional<Incident> group = incidents.countAlertOnGroup(alert.service(), grouping.key(),
                        grouping.activeSince(), now);
                if (group.isPresent()) {
                    return grouped(group.get(), alert, grouping, eventId, traceparent);
                }
                // The group's incident is open but quiet for longer than the window: this alert starts afresh.
                insertKey = null;
            }
        }
        throw new IllegalStateException("could not open or join an incident for " + alert.fingerprint());
    }

    /**
     * How an alert is grouped: by the source's group key (no time limit while the incident is open) or
     * by correlating labels (only while the incident has had an alert within the window).
     */
    private record Grouping(String key, Instant activeSince, String reason) {
    }

    private Grouping groupingOf(AlertSignal alert, Instant now) {
        if (properties.groupByKey() && alert.groupKey() != null && !alert.groupKey().isBlank()) {
            return new Grouping(alert.groupKey(), null, "group-key");
        }
        return CorrelationKey.of(alert, properties.correlation().labels())
                .map(key -> new Grouping(key, now.minus(properties.correlation().window()), "labels"))
                .orElse(null);
    }

    /** The alert joined its group's incident; a fingerprint new to the incident is announced once. */
    private AlertOutcome grouped(Incident incident, AlertSignal alert, Grouping grouping, UUID eventId,
            String traceparent) {
        Instant now = clock.instant();
        if (incidents.markAlert(incident.id(), alert.fingerprint(), true, now)) {
            journal.remark(incident.id(), "grouped", "Alert %s joined by %s: %s".formatted(alert.alertId(),
                    grouping.reason().equals("labels") ? "correlating labels (" + grouping.key() + ")" : "group key",
                    alert.summary()), source(alert));
            AlertGrouped event = new AlertGrouped(incident.id(), incident.number(), incident.service(),
                    alert.fingerprint(), alert.alertId(), alert.summary(), grouping.reason(),
                    grouping.reason().equals("group-key") ? grouping.key() : null, now);
            outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(
                    StableIds.of("AlertGrouped", incident.id().toString(), alert.fingerprint()),
                    incident.id().toString(), event, clock, traceparent));
        }
        rememberOnCommit(alert.service(), alert.fingerprint(), incident.id());
        return new AlertOutcome.Grouped(incident);
    }

    private AlertOutcome clear(AlertSignal alert, UUID eventId, String traceparent) {
        Optional<Incident> open = incidents.openIncidentOf(alert.service(), alert.fingerprint())
                .flatMap(incidents::lock)
                .filter(Incident::isOpen);
        if (open.isEmpty()) {
            return new AlertOutcome.NothingOpen();
        }
        Incident incident = open.get();
        Instant now = clock.instant();
        incidents.markAlert(incident.id(), alert.fingerprint(), false, now);
        Actor source = source(alert);
        boolean lastAlert = incidents.firingAlerts(incident.id()) == 0;
        if (lastAlert && properties.autoResolve().appliesTo(incident.service())
                && Lifecycle.allows(incident.status(), IncidentStatus.RESOLVED)) {
            Outcome outcome = incident.moveTo(IncidentStatus.RESOLVED, source,
                    "all alerts cleared at the source", now);
            journal.write(incident, outcome, eventId, traceparent);
            return new AlertOutcome.Cleared(outcome.incident());
        }
        journal.remark(incident.id(), "alert-resolved", "Alert %s cleared at the source%s".formatted(alert.alertId(),
                lastAlert ? "; auto-resolve is off for " + incident.service() : ""), source);
        return new AlertOutcome.Cleared(incident);
    }

    private Optional<Incident> countOnKnownIncident(AlertSignal alert, Optional<UUID> remembered, Instant now) {
        Optional<Incident> counted = remembered.flatMap(id -> incidents.countAlertOn(id, alert.fingerprint(), now));
        if (counted.isEmpty()) {
            counted = incidents.countAlertOnOpen(alert.service(), alert.fingerprint(), now);
            counted.ifPresent(incident -> rememberOnCommit(alert.service(), alert.fingerprint(), incident.id()));
        }
        counted.ifPresent(incident -> incidents.markAlert(incident.id(), alert.fingerprint(), true, now));
        return counted;
    }

    private void announceOpening(Incident incident, AlertSignal alert, SeverityPolicy.Classification classification,
            String traceparent) {
        String why = classification.reasons().isEmpty() ? "" : ", " + String.join(", ", classification.reasons());
        journal.remark(incident.id(), "opened", "Opened by alert %s: %s (%s%s)".formatted(alert.alertId(),
                incident.title(), incident.severity(), why), source(alert));
        if (incident.causedBy() != null) {
            incidents.find(incident.causedBy()).ifPresent(upstream -> journal.remark(incident.id(), "caused-by",
                    "Probably caused by #%d (%s: %s), open upstream".formatted(upstream.number(), upstream.service(),
                            upstream.title()), source(alert)));
        }
        IncidentOpened event = new IncidentOpened(incident.id(), incident.number(), incident.title(),
                incident.service(), IncidentSeverity.valueOf(incident.severity().name()),
                io.vigil.contracts.Urgency.valueOf(incident.urgency().name()), incident.fingerprint(),
                alert.alertId(), incident.openedAt(), alert.labels(), alert.annotations());
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(StableIds.of("IncidentOpened", incident.id().toString()),
                incident.id().toString(), event, clock, traceparent));
        rememberOnCommit(incident.service(), incident.fingerprint(), incident.id());
    }

    private void announceReopening(Incident incident, AlertSignal alert, UUID eventId, String traceparent) {
        Instant now = clock.instant();
        incidents.markAlert(incident.id(), alert.fingerprint(), true, now);
        Actor source = source(alert);
        journal.remark(incident.id(), "reopened", "Reopened by alert %s firing again".formatted(alert.alertId()),
                source);
        IncidentReopened event = new IncidentReopened(incident.id(), incident.number(), incident.title(),
                incident.service(), IncidentSeverity.valueOf(incident.severity().name()),
                io.vigil.contracts.Urgency.valueOf(incident.urgency().name()), source, now);
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(
                StableIds.of("IncidentReopened", incident.id().toString(), eventId.toString()),
                incident.id().toString(), event, clock, traceparent));
        rememberOnCommit(incident.service(), incident.fingerprint(), incident.id());
    }

    /**
     * The dedup window learns the incident of a problem once the transaction commits, all of a transaction's
     * problems in one round trip: it never remembers an incident that was rolled back.
     */
    private void rememberOnCommit(String service, String fingerprint, UUID incidentId) {
        @SuppressWarnings("unchecked")
        Map<DedupWindow.Problem, UUID> pending =
                (Map<DedupWindow.Problem, UUID>) TransactionSynchronizationManager.getResource(PENDING_MEMORY);
        if (pending == null) {
            Map<DedupWindow.Problem, UUID> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(PENDING_MEMORY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_MEMORY);
                    if (status == STATUS_COMMITTED) {
                        dedupWindow.rememberAll(created);
                    }
                }
            });
            pending = created;
        }
        pending.put(new DedupWindow.Problem(service, fingerprint), incidentId);
    }

    private static Actor source(AlertSignal alert) {
        return new Actor("integration", alert.integration() == null ? "unknown" : alert.integration(), "alert");
    }
}
