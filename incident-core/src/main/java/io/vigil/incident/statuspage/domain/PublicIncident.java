package io.vigil.incident.statuspage.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A public incident or a scheduled maintenance: a name, its status (that of the latest update), its impact, the
 * components it affects, the internal incidents it is about and its updates, newest first. Nothing of the
 * internal incident shows here but its id.
 *
 * @param scheduledFor   for a maintenance, when it starts; {@code null} for an incident
 * @param scheduledUntil for a maintenance, when it should be over
 * @param resolvedAt     when it was resolved or completed, {@code null} while it is not
 */
public record PublicIncident(UUID id, Kind kind, String name, UpdateStatus status, Impact impact,
        Instant scheduledFor, Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant resolvedAt,
        Set<UUID> componentIds, Set<UUID> incidentIds, List<PublicUpdate> updates) {

    public PublicIncident {
        componentIds = Set.copyOf(componentIds);
        incidentIds = Set.copyOf(incidentIds);
        updates = List.copyOf(updates);
    }

    /**
     * A new incident or maintenance with its first update.
     *
     * @param affected          components it affects whose status does not change now (a maintenance's, before it
     *                          starts)
     * @param componentStatuses components it affects and the status each takes now
     *
     * @throws InvalidStatusPageRequest when the status is not one of the kind's, or a maintenance has no window
     */
    public static PublicIncident open(UUID id, Kind kind, String name, Impact impact, Instant scheduledFor,
            Instant scheduledUntil, Set<UUID> incidentIds, PublicUpdate first, Set<UUID> affected,
            Map<UUID, ComponentStatus> componentStatuses) {
        if (first.status().kind() != kind) {
            throw new InvalidStatusPageRequest("status", "is not a status of a " + kind.label());
        }
        if (kind == Kind.MAINTENANCE) {
            if (scheduledFor == null || scheduledUntil == null) {
                throw new InvalidStatusPageRequest(scheduledFor == null ? "scheduledFor" : "scheduledUntil",
                        "is required for a maintenance");
            }
            if (!scheduledUntil.isAfter(scheduledFor)) {
                throw new InvalidStatusPageRequest("scheduledUntil", "must be after scheduledFor");
            }
        }
        Impact chosen = impact != null ? impact : kind == Kind.MAINTENANCE ? Impact.MAINTENANCE
                : worstImpact(componentStatuses);
        Instant at = first.createdAt();
        Set<UUID> components = new LinkedHashSet<>(affected);
        components.addAll(componentStatuses.keySet());
        boolean maintenance = kind == Kind.MAINTENANCE;
        return new PublicIncident(id, kind, name, first.status(), chosen, maintenance ? scheduledFor : null,
                maintenance ? scheduledUntil : null, at, at, first.status().closes() ? at : null,
                components, incidentIds, List.of(first));
    }

    /**
     * This incident after an update: its status and time, the impact if a new one is given, and the components the
     * update names added to those it affects.
     *
     * @throws InvalidStatusPageRequest when the status is not one of this kind's
     */
    public PublicIncident post(PublicUpdate update, Impact newImpact, Set<UUID> namedComponents) {
        if (update.status().kind() != kind) {
            throw new InvalidStatusPageRequest("status", "is not a status of a " + kind.label());
        }
        Set<UUID> components = new LinkedHashSet<>(componentIds);
        components.addAll(namedComponents);
        Instant at = update.createdAt();
        Instant resolved = update.status().closes() ? (resolvedAt == null ? at : resolvedAt) : null;
        return new PublicIncident(id, kind, name, update.status(), newImpact == null ? impact : newImpact,
                scheduledFor, scheduledUntil, createdAt, at, resolved, components, incidentIds,
                Stream.concat(Stream.of(update), updates.stream()).toList());
    }

    /** This incident linked to more internal incidents. */
    public PublicIncident linkedTo(Set<UUID> more) {
        Set<UUID> linked = new LinkedHashSet<>(incidentIds);
        linked.addAll(more);
        return new PublicIncident(id, kind, name, status, impact, scheduledFor, scheduledUntil, createdAt, updatedAt,
                resolvedAt, componentIds, linked, updates);
    }

    /**
     * The component statuses an update sets: those it names; when it names none, a closing update puts the
     * affected components back to operational and a maintenance going in progress puts them under maintenance.
     */
    public Map<UUID, ComponentStatus> componentStatusesFor(UpdateStatus status, Map<UUID, ComponentStatus> named) {
        if (!named.isEmpty()) {
            return named;
        }
        Map<UUID, ComponentStatus> implied = new LinkedHashMap<>();
        if (status.closes()) {
            componentIds.forEach(component -> implied.put(component, ComponentStatus.OPERATIONAL));
        } else if (status == UpdateStatus.IN_PROGRESS) {
            componentIds.forEach(component -> implied.put(component, ComponentStatus.UNDER_MAINTENANCE));
        }
        return implied;
    }

    /** Counts towards the overall status: an unresolved incident, or a maintenance under way. */
    public boolean active() {
        return kind == Kind.INCIDENT ? !status.closes()
                : status == UpdateStatus.IN_PROGRESS || status == UpdateStatus.VERIFYING;
    }

    /** A maintenance announced and not started yet. */
    public boolean upcoming() {
        return kind == Kind.MAINTENANCE && status == UpdateStatus.SCHEDULED;
    }

    public PublicUpdate latestUpdate() {
        return updates.getFirst();
    }

    private static Impact worstImpact(Map<UUID, ComponentStatus> statuses) {
        return statuses.values().stream().map(ComponentStatus::impact)
                .filter(impact -> impact != Impact.MAINTENANCE)
                .reduce(Impact.NONE, (a, b) -> b.ordinal() > a.ordinal() ? b : a);
    }
}
