package io.vigil.incident.statuspage.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the public relies on (an API, the website, a region), shown with its status.
 *
 * @param groupId  the group it is listed under, or {@code null}
 * @param position its place in its group (or among ungrouped components), smallest first
 */
public record StatusComponent(UUID id, UUID groupId, String name, String description, int position,
        ComponentStatus status, Instant createdAt, Instant updatedAt) {

    public StatusComponent withStatus(ComponentStatus newStatus, Instant at) {
        return newStatus == status ? this
                : new StatusComponent(id, groupId, name, description, position, newStatus, createdAt, at);
    }
}
