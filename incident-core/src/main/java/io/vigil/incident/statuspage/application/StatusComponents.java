package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.StatusComponent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The components of the status page and the groups they are listed under. */
public interface StatusComponents {

    /** Groups in page order. */
    List<ComponentGroup> groups();

    Optional<ComponentGroup> group(UUID id);

    /** @return false when a group of that name exists */
    boolean addGroup(ComponentGroup group);

    /** Removes the group; its components stay, ungrouped. @return false when there was none */
    boolean removeGroup(UUID id);

    /** Components in page order: by group position, then their own. */
    List<StatusComponent> all();

    Optional<StatusComponent> find(UUID id);

    /** @return false when its group already holds a component of that name */
    boolean add(StatusComponent component);

    /** @return false when its group already holds another component of that name */
    boolean update(StatusComponent component);

    /** @return false when there was none */
    boolean remove(UUID id);
}
