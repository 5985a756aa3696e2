package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import io.vigil.incident.statuspage.domain.StatusComponent;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page's components and groups: plain create, change and remove, kept in one class because each is a
 * single write with the same checks (the group exists, names are unique within a group).
 */
@Service
public class ManageComponents {

    /** @param status {@code null} for operational */
    public record ComponentSpec(String name, String description, UUID groupId, Integer position,
            ComponentStatus status) {
    }

    private final StatusComponents components;
    private final Clock clock;

    public ManageComponents(StatusComponents components, Clock clock) {
        this.components = components;
        this.clock = clock;
    }

    @Transactional
    public ComponentGroup addGroup(String name, Integer position) {
        ComponentGroup group = new ComponentGroup(UUID.randomUUID(), name.strip(),
                position == null ? components.groups().size() : position, clock.instant());
        if (!components.addGroup(group)) {
            throw new InvalidStatusPageRequest("name", "is taken by another group");
        }
        return group;
    }

    @Transactional
    public void removeGroup(UUID id) {
        if (!components.removeGroup(id)) {
            throw new ResourceNotFound("component group", id);
        }
    }

    @Transactional
    public StatusComponent add(ComponentSpec spec) {
        requireGroup(spec.groupId());
        Instant now = clock.instant();
        int position = spec.position() != null ? spec.position() : (int) components.all().stream()
                .filter(c -> Objects.equals(c.groupId(), spec.groupId())).count();
        StatusComponent component = new StatusComponent(UUID.randomUUID(), spec.groupId(), spec.name().strip(),
                spec.description(), position, spec.status() == null ? ComponentStatus.OPERATIONAL : spec.status(),
                now, now);
        if (!components.add(component)) {
            throw new InvalidStatusPageRequest("name", "is taken by another component of this group");
        }
        return component;
    }

    /** Changes what the spec gives (name, description, group, position, status); the rest stays. */
    @Transactional
    public StatusComponent change(UUID id, ComponentSpec spec) {
        StatusComponent current = components.find(id).orElseThrow(() -> new ResourceNotFound("component", id));
        requireGroup(spec.groupId());
        ComponentStatus status = spec.status() == null ? current.status() : spec.status();
        StatusComponent changed = new StatusComponent(id, spec.groupId() == null ? current.groupId() : spec.groupId(),
                spec.name() == null ? current.name() : spec.name().strip(),
                spec.description() == null ? current.description() : spec.description(),
                spec.position() == null ? current.position() : spec.position(), status, current.createdAt(),
                status == current.status() ? current.updatedAt() : clock.instant());
        if (!components.update(changed)) {
            throw new InvalidStatusPageRequest("name", "is taken by another component of this group");
        }
        return changed;
    }

    /** Sets a component's status by hand, outside any public incident. */
    @Transactional
    public StatusComponent setStatus(UUID id, ComponentStatus status) {
        StatusComponent current = components.find(id).orElseThrow(() -> new ResourceNotFound("component", id));
        StatusComponent changed = current.withStatus(status, clock.instant());
        components.update(changed);
        return changed;
    }

    @Transactional
    public void remove(UUID id) {
        if (!components.remove(id)) {
            throw new ResourceNotFound("component", id);
        }
    }

    private void requireGroup(UUID groupId) {
        if (groupId != null && components.group(groupId).isEmpty()) {
            throw new InvalidStatusPageRequest("groupId", "names group " + groupId + ", which does not exist");
        }
    }
}
