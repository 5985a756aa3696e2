package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.application.StatusPage;
import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.Indicator;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.StatusComponent;
import io.vigil.incident.statuspage.domain.UpdateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The status page as JSON in the shape status-page consumers already parse (Atlassian Statuspage's public API v2 and
 * its incident webhooks): snake_case keys, ISO-8601 times, component groups listed as components with
 * {@code group: true}. Built as ordered maps so that every key is present, {@code null} included, as consumers expect.
 */
final class PublicDocuments {

    private final StatusPageProperties properties;

    PublicDocuments(StatusPageProperties properties) {
        this.properties = properties;
    }

    /** {@code /api/v2/summary.json}. */
    Map<String, Object> summary(StatusPage page) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("page", page(page));
        summary.put("status", status(page.indicator()));
        summary.put("components", components(page));
        summary.put("incidents", page.openIncidents().stream().map(this::incident).toList());
        summary.put("scheduled_maintenances", page.maintenances().stream().map(this::incident).toList());
        return summary;
    }

    /** {@code /api/v2/status.json}. */
    Map<String, Object> status(StatusPage page) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("page", page(page));
        status.put("status", status(page.indicator()));
        return status;
    }

    /** What a webhook subscriber receives for an update: the page's status and the incident with its updates. */
    Map<String, Object> notice(StatusPage page, PublicIncident incident) {
        Map<String, Object> pageStatus = new LinkedHashMap<>();
        pageStatus.put("id", properties.id());
        pageStatus.put("status_indicator", page.indicator().label());
        pageStatus.put("status_description", page.indicator().description());
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("meta", Map.of("generated_at", iso(page.at())));
        notice.put("page", pageStatus);
        notice.put("incident", incident(incident));
        return notice;
    }

    String shortlink(PublicIncident incident) {
        return properties.base() + "/incidents/" + incident.id();
    }

    private Map<String, Object> page(StatusPage page) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", properties.id());
        info.put("name", properties.name());
        info.put("url", properties.url());
        info.put("time_zone", properties.timeZone().getId());
        info.put("updated_at", iso(page.updatedAt()));
        return info;
    }

    private static Map<String, Object> status(Indicator indicator) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", indicator.label());
        status.put("description", indicator.description());
        return status;
    }

    private List<Map<String, Object>> components(StatusPage page) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (StatusComponent component : page.components()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", component.id().toString());
            json.put("name", component.name());
            json.put("status", component.status().label());
            json.put("created_at", iso(component.createdAt()));
            json.put("updated_at", iso(component.updatedAt()));
            json.put("position", component.position());
            json.put("description", component.description());
            json.put("showcase", true);
            json.put("start_date", null);
            json.put("group_id", component.groupId() == null ? null : component.groupId().toString());
            json.put("page_id", properties.id());
            json.put("group", false);
            json.put("only_show_if_degraded", false);
            all.add(json);
        }
        for (ComponentGroup group : page.groups()) {
            List<StatusComponent> members = page.componentsOf(group);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", group.id().toString());
            json.put("name", group.name());
            // A group shows as its worst member, as consumers of the format expect.
            json.put("status", members.stream().map(StatusComponent::status)
                    .reduce(ComponentStatus.OPERATIONAL,
                            (a, b) -> b.ordinal() > a.ordinal() ? b : a).label());
            json.put("created_at", iso(group.createdAt()));
            json.put("updated_at", iso(members.stream().map(StatusComponent::updatedAt)
                    .max(Instant::compareTo).orElse(group.createdAt())));
            json.put("position", group.position());
            json.put("description", null);
            json.put("showcase", false);
            json.put("start_date", null);
            json.put("group_id", null);
            json.put("page_id", properties.id());
            json.put("group", true);
            json.put("only_show_if_degraded", false);
            json.put("components", members.stream().map(c -> c.id().toString()).toList());
            all.add(json);
        }
        return all;
    }

    Map<String, Object> incident(PublicIncident incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id().toString());
        json.put("name", incident.name());
        json.put("status", incident.status().label());
        json.put("created_at", iso(incident.createdAt()));
        json.put("updated_at", iso(incident.updatedAt()));
        json.put("monitoring_at", iso(incident.updates().stream()
                .filter(u -> u.status() == UpdateStatus.MONITORING)
                .map(PublicUpdate::createdAt).min(Instant::compareTo).orElse(null)));
        json.put("resolved_at", iso(incident.resolvedAt()));
        json.put("impact", incident.impact().label());
        json.put("shortlink", shortlink(incident));
        json.put("started_at", iso(incident.kind() == Kind.MAINTENANCE ? incident.scheduledFor()
                : incident.createdAt()));
        json.put("page_id", properties.id());
        if (incident.kind() == Kind.MAINTENANCE) {
            json.put("scheduled_for", iso(incident.scheduledFor()));
            json.put("scheduled_until", iso(incident.scheduledUntil()));
        }
        json.put("incident_updates", incident.updates().stream().map(update -> update(incident.id(), update))
                .toList());
        json.put("components", incident.componentIds().stream().map(UUID::toString).sorted().toList());
        return json;
    }

    private static Map<String, Object> update(UUID incidentId, PublicUpdate update) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", update.id().toString());
        json.put("status", update.status().label());
        json.put("body", update.body());
        json.put("incident_id", incidentId.toString());
        json.put("created_at", iso(update.createdAt()));
        json.put("updated_at", iso(update.createdAt()));
        json.put("display_at", iso(update.createdAt()));
        return json;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
