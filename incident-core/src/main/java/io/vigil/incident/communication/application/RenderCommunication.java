package io.vigil.incident.communication.application;

import io.vigil.incident.communication.domain.Placeholder;
import io.vigil.incident.communication.domain.TemplateName;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.incident.severity.domain.SeverityMatrix;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a communication template with an incident: the words a responder starts from for Slack, the status page,
 * an e-mail to customers or a briefing. Nothing is sent or stored; the text is returned.
 */
@Service
public class RenderCommunication {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * @param given values of the placeholders a caller may give ({@code message}, {@code impact}) by name
     */
    public record Command(UUID incidentId, TemplateName template, Map<String, String> given) {

        public Command {
            given = given == null ? Map.of() : Map.copyOf(given);
        }
    }

    private final Incidents incidents;
    private final Roles roles;
    private final Timeline timeline;
    private final ManageTemplates templates;
    private final SeverityMatrix matrix;
    private final Clock clock;

    public RenderCommunication(Incidents incidents, Roles roles, Timeline timeline, ManageTemplates templates,
            SeverityMatrix matrix, Clock clock) {
        this.incidents = incidents;
        this.roles = roles;
        this.timeline = timeline;
        this.templates = templates;
        this.matrix = matrix;
        this.clock = clock;
    }

    /**
     * @throws ResourceNotFound when there is no such incident
     * @throws InvalidTemplate  when a given value is not one a caller may give
     */
    @Transactional(readOnly = true)
    public String render(Command command) {
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        command.given().forEach((key, value) -> {
            Placeholder placeholder = Placeholder.of(key).filter(Placeholder::givenWhenRendering)
                    .orElseThrow(() -> new InvalidTemplate(key, key, "is not a value a caller may give; only "
                            + "message and impact are, the rest comes from the incident"));
            values.put(placeholder, value == null ? "" : value.strip());
        });
        Incident incident = incidents.find(command.incidentId())
                .orElseThrow(() -> new ResourceNotFound("incident", command.incidentId()));
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : clock.instant();
        values.put(Placeholder.NUMBER, incident.number());
        values.put(Placeholder.TITLE, incident.title());
        values.put(Placeholder.SERVICE, incident.service());
        values.put(Placeholder.SEVERITY, incident.severity().name());
        values.put(Placeholder.URGENCY, incident.urgency().name().toLowerCase(Locale.ROOT));
        values.put(Placeholder.STATUS, incident.status().label());
        values.put(Placeholder.OPENED_AT, MINUTES.format(incident.openedAt()));
        values.put(Placeholder.RESOLVED_AT, incident.resolvedAt() == null ? "" : MINUTES.format(incident.resolvedAt()));
        values.put(Placeholder.RESOLVED, !incident.isOpen());
        values.put(Placeholder.DURATION, human(Duration.between(incident.openedAt(), end)));
        values.put(Placeholder.COMMANDER, roles.of(incident.id()).stream()
                .filter(assignment -> assignment.role() == IncidentRole.INCIDENT_COMMANDER)
                .map(Roles.Assignment::assignee).findFirst().orElse(""));
        values.put(Placeholder.LATEST_NOTE, timeline.entriesOf(incident.id()).reversed().stream()
                .filter(entry -> entry.kind().equals("note")).map(Timeline.Entry::summary).findFirst().orElse(""));
        Duration cadence = matrix.of(incident.severity()).updateCadence();
        values.put(Placeholder.UPDATE_CADENCE, cadence == null ? "" : human(cadence));
        return TemplateEngine.render(templates.get(command.template()).body(), values);
    }

    /** {@code 45 min}, {@code 2 h}, {@code 1 h 20 min}, {@code 3 d 4 h}. */
    static String human(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return hours == 0 ? days + " d" : days + " d " + hours + " h";
        }
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
