package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.StatusComponent;
import io.vigil.incident.statuspage.domain.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The status page's management API answers, in the camelCase of the rest of Vigil's API. */
final class Views {

    private Views() {
    }

    record GroupView(UUID id, String name, int position) {
        static GroupView of(ComponentGroup group) {
            return new GroupView(group.id(), group.name(), group.position());
        }
    }

    record ComponentView(UUID id, UUID groupId, String name, String description, int position, String status,
            Instant updatedAt) {
        static ComponentView of(StatusComponent c) {
            return new ComponentView(c.id(), c.groupId(), c.name(), c.description(), c.position(), c.status().label(),
                    c.updatedAt());
        }
    }

    record UpdateView(UUID id, String status, String body, String author, Instant createdAt) {
        static UpdateView of(PublicUpdate u) {
            return new UpdateView(u.id(), u.status().label(), u.body(), u.author(), u.createdAt());
        }
    }

    /** A public incident or maintenance; updates newest first. */
    record PublicIncidentView(UUID id, String kind, String name, String status, String impact, Instant scheduledFor,
            Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant resolvedAt, List<UUID> componentIds,
            List<UUID> incidentIds, List<UpdateView> updates) {
        static PublicIncidentView of(PublicIncident i) {
            return new PublicIncidentView(i.id(), i.kind().label(), i.name(), i.status().label(), i.impact().label(),
                    i.scheduledFor(), i.scheduledUntil(), i.createdAt(), i.updatedAt(), i.resolvedAt(),
                    i.componentIds().stream().sorted().toList(), i.incidentIds().stream().sorted().toList(),
                    i.updates().stream().map(UpdateView::of).toList());
        }
    }

    record SubscriptionView(UUID id, String channel, String address, Instant createdAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.channel().label(), s.address(), s.createdAt());
        }
    }
}
