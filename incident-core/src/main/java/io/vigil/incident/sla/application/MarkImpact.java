package io.vigil.incident.sla.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.sla.domain.IncidentTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks an incident as hurting customers (or not), with when the impact started and ended. */
@Service
public class MarkImpact {

    /**
     * @param start {@code null}: the incident's opening
     * @param end   {@code null}: the incident's resolution, or now while it is open
     */
    public record Command(UUID incidentId, boolean customerImpacting, Instant start, Instant end, Actor by) {
    }

    /** The outcome. */
    public sealed interface Outcome {
    }

    /** Stored. */
    public record Marked(View view) implements Outcome {
    }

    /** No such incident. */
    public record UnknownIncident(UUID incidentId) implements Outcome {
    }

    /** A field breaks a rule; {@code field} names it as the request does. */
    public record Refused(String field, String message) implements Outcome {
    }

    /**
     * An incident's impact with the incident's own times filled in.
     *
     * @param end                {@code null} while the impact goes on
     * @param startFromIncident  the start follows the incident's opening
     * @param endFromIncident    the end follows the incident's resolution
     */
    public record View(UUID incidentId, long number, String service, boolean customerImpacting, Instant start,
            Instant end, boolean startFromIncident, boolean endFromIncident, Instant updatedAt, String updatedBy) {
    }

    private final Impacts impacts;
    private final ServiceIncidents incidents;
    private final Timeline timeline;
    private final Clock clock;

    public MarkImpact(Impacts impacts, ServiceIncidents incidents, Timeline timeline, Clock clock) {
        this.impacts = impacts;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Outcome mark(Command command) {
        Optional<IncidentTimes> found = incidents.find(command.incidentId());
        if (found.isEmpty()) {
            return new UnknownIncident(command.incidentId());
        }
        IncidentTimes incident = found.get();
        Instant now = clock.instant();
        if (command.start() != null && command.start().isAfter(now)) {
            return new Refused("start", "must not be in the future");
        }
        if (command.end() != null && command.end().isAfter(now)) {
            return new Refused("end", "must not be in the future");
        }
        Instant start = command.start() != null ? command.start() : incident.openedAt();
        Instant end = command.end() != null ? command.end() : incident.resolvedAt();
        if (end != null && !end.isAfter(start)) {
            return new Refused("end", command.end() != null
                    ? "must be after the start (" + start + ")"
                    : "is the incident's resolution (" + end + "), which must be after the start; give an end");
        }
        Impacts.ImpactRecord record = new Impacts.ImpactRecord(incident.id(), command.customerImpacting(),
                command.start(), command.end(), now, command.by().id());
        impacts.save(record);
        View view = view(incident, record);
        // On the timeline, so a review and whoever reads the incident see that it counts against the SLA.
        timeline.add(incident.id(), new Timeline.Entry(now, "impact", summary(view), command.by()));
        return new Marked(view);
    }

    /** The incident's impact, or empty when the incident does not exist; not marked reads as not impacting. */
    @Transactional(readOnly = true)
    public Optional<View> of(UUID incidentId) {
        return incidents.find(incidentId).map(incident -> view(incident, impacts.find(incidentId)
                .orElse(new Impacts.ImpactRecord(incidentId, false, null, null, null, null))));
    }

    private static String summary(View view) {
        if (!view.customerImpacting()) {
            return "Marked not customer-impacting";
        }
        return "Marked customer-impacting from " + view.start()
                + (view.end() == null ? " until it resolves" : " to " + view.end());
    }

    private static View view(IncidentTimes incident, Impacts.ImpactRecord record) {
        return new View(incident.id(), incident.number(), incident.service(), record.customerImpacting(),
                record.start() != null ? record.start() : incident.openedAt(),
                record.end() != null ? record.end() : incident.resolvedAt(), record.start() == null,
                record.end() == null, record.updatedAt(), record.updatedBy());
    }
}
