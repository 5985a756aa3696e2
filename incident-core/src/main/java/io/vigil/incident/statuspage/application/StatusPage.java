package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.Indicator;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.OverallStatus;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.StatusComponent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The status page at one moment, as the HTML page, the JSON summary and the feed show it.
 *
 * @param incidents  open incidents and maintenances, and those closed within the page's history, newest first
 * @param at         when it was read
 */
public record StatusPage(List<ComponentGroup> groups, List<StatusComponent> components,
        List<PublicIncident> incidents, Instant at) {

    public StatusPage {
        groups = List.copyOf(groups);
        components = List.copyOf(components);
        incidents = List.copyOf(incidents);
    }

    public Indicator indicator() {
        return OverallStatus.of(components.stream().map(StatusComponent::status).toList(), incidents);
    }

    /** When anything on the page last changed; the moment it was read when nothing ever did. */
    public Instant updatedAt() {
        return Stream.concat(components.stream().map(StatusComponent::updatedAt),
                        incidents.stream().map(PublicIncident::updatedAt))
                .max(Comparator.naturalOrder()).orElse(at);
    }

    /** Unresolved incidents, newest first. */
    public List<PublicIncident> openIncidents() {
        return incidents.stream().filter(i -> i.kind() == Kind.INCIDENT && i.resolvedAt() == null).toList();
    }

    /** Maintenances scheduled or under way, soonest first. */
    public List<PublicIncident> maintenances() {
        return incidents.stream().filter(i -> i.kind() == Kind.MAINTENANCE && i.resolvedAt() == null)
                .sorted(Comparator.comparing(PublicIncident::scheduledFor)).toList();
    }

    /** Incidents resolved and maintenances completed within the page's history, newest first. */
    public List<PublicIncident> past() {
        return incidents.stream().filter(i -> i.resolvedAt() != null).toList();
    }

    public List<StatusComponent> componentsOf(ComponentGroup group) {
        return components.stream().filter(c -> group.id().equals(c.groupId())).toList();
    }

    public List<StatusComponent> ungrouped() {
        return components.stream().filter(c -> c.groupId() == null).toList();
    }
}
