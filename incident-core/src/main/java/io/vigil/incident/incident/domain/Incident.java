package io.vigil.incident.incident.domain;

import io.vigil.contracts.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident: one problem, however many alerts report it.
 *
 * @param number         short human number ({@code #42}); 0 until stored
 * @param alertCount     firing alerts received for this problem while it was open, the first included
 * @param acknowledgedAt the first acknowledgement, kept across reopening (time to acknowledge counts from the opening)
 * @param resolvedAt     the last resolution, {@code null} while open
 * @param closedAt       when it was closed for good, or {@code null}
 * @param causedBy       the open upstream incident this one probably follows from ({@link ServiceGraph}), or {@code null}
 */
public record Incident(
        UUID id,
        long number,
        String title,
        String service,
        Severity severity,
        Urgency urgency,
        IncidentStatus status,
        String fingerprint,
        int alertCount,
        Instant openedAt,
        Instant lastAlertAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant closedAt,
        UUID causedBy) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
    }

    /** The incident a first alert opens: triggered, one alert, classified as the policy says. */
    public static Incident openFor(UUID id, AlertSignal alert, SeverityPolicy.Classification classification,
            Instant now) {
        return new Incident(id, 0, alert.summary(), alert.service(), classification.severity(),
                classification.urgency(), IncidentStatus.TRIGGERED, alert.fingerprint(), 1, now, now, null, null, null,
                null);
    }

    /** The same incident, marked as probably caused by the open upstream incident {@code cause}. */
    public Incident causedBy(UUID cause) {
        return new Incident(id, number, title, service, severity, urgency, status, fingerprint, alertCount, openedAt,
                lastAlertAt, acknowledgedAt, resolvedAt, closedAt, cause);
    }

    /** The incident a first alert opens under the default classification. */
    public static Incident openFor(UUID id, AlertSignal alert, Instant now) {
        return openFor(id, alert, SeverityPolicy.defaults().classify(alert), now);
    }

    /** An incident a responder declares by hand; it has no alert and its own fingerprint. */
    public static Incident declare(UUID id, String title, String service, Severity severity, Urgency urgency,
            Instant now) {
        return new Incident(id, 0, title, service, severity, urgency == null ? severity.defaultUrgency() : urgency,
                IncidentStatus.TRIGGERED, "manual:" + id, 0, now, now, null, null, null, null);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * Moves the incident to {@code target} if {@link Lifecycle} allows it. Leaving triggered or reopened
     * for any working state is an acknowledgement too: whoever investigates has taken the incident on.
     *
     * @throws IllegalTransition when the lifecycle does not allow the move
     */
    public Outcome moveTo(IncidentStatus target, Actor actor, String note, Instant at) {
        if (!Lifecycle.allows(status, target)) {
            throw new IllegalTransition(status, "become " + target.label(), Lifecycle.allowedFrom(status));
        }
        List<IncidentChange> changes = new ArrayList<>();
        Instant acknowledged = acknowledgedAt;
        Instant resolved = resolvedAt;
        Instant closed = closedAt;
        switch (target) {
            case RESOLVED -> {
                resolved = at;
                changes.add(new IncidentChange.Resolved(actor, note, at));
            }
            case CLOSED -> {
                closed = at;
                changes.add(new IncidentChange.Closed(actor, note, at));
            }
            case REOPENED -> {
                resolved = null;
                changes.add(new IncidentChange.Reopened(actor, note, at));
            }
            case MERGED -> changes.add(new IncidentChange.StatusChanged(status, target, actor, note, at));
            default -> {
                if (status.awaitsAcknowledgement()) {
                    acknowledged = acknowledgedAt == null ? at : acknowledgedAt;
                    changes.add(new IncidentChange.Acknowledged(actor, target == IncidentStatus.ACKNOWLEDGED
                            ? note : null, at));
                }
                if (target != IncidentStatus.ACKNOWLEDGED) {
                    changes.add(new IncidentChange.StatusChanged(status, target, actor, note, at));
                }
            }
        }
        Incident after = new Incident(id, number, title, service, severity, urgency, target, fingerprint, alertCount,
                openedAt, lastAlertAt, acknowledged, resolved, closed, causedBy);
        return new Outcome(after, changes);
    }

    /**
     * Asks for the next escalation level now; only an open incident escalates.
     *
     * @throws IllegalTransition when the incident is no longer open
     */
    public Outcome escalate(Actor actor, String note, Instant at) {
        if (!isOpen()) {
            throw new IllegalTransition(status, "be escalated", Lifecycle.allowedFrom(status));
        }
        return new Outcome(this, List.of(new IncidentChange.Escalated(actor, note, at)));
    }

    /**
     * Sets severity and urgency; an unchanged pair changes nothing. A merged incident lives on in its
     * target and changes no more.
     */
    public Outcome classify(Severity newSeverity, Urgency newUrgency, Actor actor, Instant at) {
        if (status == IncidentStatus.MERGED) {
            throw new IllegalTransition(status, "change severity", Lifecycle.allowedFrom(status));
        }
        Urgency resolvedUrgency = newUrgency == null ? newSeverity.defaultUrgency() : newUrgency;
        if (newSeverity == severity && resolvedUrgency == urgency) {
            return new Outcome(this, List.of());
        }
        Incident after = new Incident(id, number, title, service, newSeverity, resolvedUrgency, status, fingerprint,
                alertCount, openedAt, lastAlertAt, acknowledgedAt, resolvedAt, closedAt, causedBy);
        return new Outcome(after, List.of(
                new IncidentChange.SeverityChanged(severity, urgency, newSeverity, resolvedUrgency, actor, at)));
    }

    /** Both sides of a merge. */
    public record Merge(Outcome source, Outcome target) {
    }

    /**
     * Merges this incident into {@code target}: this one becomes {@code merged} (and counts as
     * resolved at {@code at}), the target takes its alerts. Only an open incident merges, and only into
     * another open incident.
     *
     * @throws IllegalTransition     when this incident may not become merged, or the target is not open
     * @throws IllegalArgumentException when {@code target} is this incident
     */
    public Merge mergeInto(Incident target, Actor actor, String note, Instant at) {
        if (target.id().equals(id)) {
            throw new IllegalArgumentException("an incident cannot be merged into itself");
        }
        if (!Lifecycle.allows(status, IncidentStatus.MERGED)) {
            throw new IllegalTransition(status, "become merged", Lifecycle.allowedFrom(status));
        }
        if (!target.isOpen()) {
            throw new IllegalTransition(target.status(), "take a merged incident (#%d); only an open incident can"
                    .formatted(number), Lifecycle.allowedFrom(target.status()));
        }
        Incident merged = new Incident(id, number, title, service, severity, urgency, IncidentStatus.MERGED,
                fingerprint, alertCount, openedAt, lastAlertAt, acknowledgedAt, at, closedAt, causedBy);
        Incident grown = new Incident(target.id(), target.number(), target.title(), target.service(),
                target.severity(), target.urgency(), target.status(), target.fingerprint(),
                target.alertCount() + alertCount, target.openedAt(),
                target.lastAlertAt().isAfter(lastAlertAt) ? target.lastAlertAt() : lastAlertAt,
                target.acknowledgedAt(), target.resolvedAt(), target.closedAt(), target.causedBy());
        return new Merge(
                new Outcome(merged, List.of(new IncidentChange.MergedInto(target.id(), target.number(), actor, note,
                        at))),
                new Outcome(grown, List.of(new IncidentChange.Absorbed(id, number, actor, note, at))));
    }

    /**
     * The new incident that some of this incident's alerts move to: same service, severity and
     * urgency, triggered, counting alerts from now on. The alert that opened this incident stays.
     *
     * @param fingerprints the alerts to move
     * @param own          the alerts this incident has
     * @param newTitle     the new incident's title, or {@code null} for this one's
     * @throws IllegalTransition when this incident is not open
     * @throws InvalidSplit      when the alerts are none, not this incident's, or include the one that opened it
     */
    public Incident splitOff(UUID newId, List<String> fingerprints, Collection<String> own, String newTitle,
            Instant at) {
        if (!isOpen()) {
            throw new IllegalTransition(status, "be split", Lifecycle.allowedFrom(status));
        }
        if (fingerprints.isEmpty()) {
            throw new InvalidSplit("name at least one alert (fingerprint) to split off");
        }
        if (fingerprints.contains(fingerprint)) {
            throw new InvalidSplit("the alert that opened the incident (%s) stays with it".formatted(fingerprint));
        }
        List<String> foreign = fingerprints.stream().filter(candidate -> !own.contains(candidate)).toList();
        if (!foreign.isEmpty()) {
            throw new InvalidSplit("not alerts of incident #%d: %s".formatted(number, String.join(", ", foreign)));
        }
        return new Incident(newId, 0, newTitle == null || newTitle.isBlank() ? title : newTitle, service, severity,
                urgency, IncidentStatus.TRIGGERED, fingerprints.getFirst(), 0, at, at, null, null, null, null);
    }

    /**
     * Gives {@code role} to {@code assignee}. A single-holder role (commander, leads, scribe) changes
     * hands: its current holder is released first. Taking a role one already holds changes nothing.
     *
     * @param holders who holds {@code role} now
     * @throws IllegalTransition on a merged incident, which lives on in its target
     */
    public Outcome assign(IncidentRole role, String assignee, Collection<String> holders, Actor actor,
            Instant at) {
        if (status == IncidentStatus.MERGED) {
            throw new IllegalTransition(status, "take role assignments", Lifecycle.allowedFrom(status));
        }
        if (holders.contains(assignee)) {
            return new Outcome(this, List.of());
        }
        List<IncidentChange> changes = new ArrayList<>();
        if (role.singleHolder()) {
            holders.forEach(holder -> changes.add(new IncidentChange.RoleReleased(role, holder, actor, at)));
        }
        changes.add(new IncidentChange.RoleAssigned(role, assignee, actor, at));
        return new Outcome(this, changes);
    }

    /** Takes {@code role} from {@code assignee}; nothing changes when they do not hold it. */
    public Outcome release(IncidentRole role, String assignee, Collection<String> holders, Actor actor,
            Instant at) {
        return new Outcome(this, holders.contains(assignee)
                ? List.of(new IncidentChange.RoleReleased(role, assignee, actor, at)) : List.of());
    }

    /** A note for the timeline; any incident takes notes, a closed one too (post-incident findings). */
    public Outcome note(String text, Actor actor, Instant at) {
        return new Outcome(this, List.of(new IncidentChange.NoteAdded(text, actor, at)));
    }
}
