package io.vigil.contracts;

import java.util.Objects;
import java.util.UUID;

/**
 * escalation-service asks for one person to be paged about an incident. Published on
 * {@link Topics#NOTIFICATION_REQUESTS} keyed by the incident id; the envelope's event id equals {@code requestId}.
 *
 * @param requestId  derived from (incident, level, round, user) with {@link StableIds}, so a replayed step asks
 *                   again with the same id and the person is paged once; the first escalation of an incident uses
 *                   {@code StableIds.of("page", incidentId, level, round, userId)}, an escalation restarted by a
 *                   reopen appends {@code "cycle", cycle}
 * @param incidentId the incident
 * @param number     its short human number
 * @param title      what it is about
 * @param service    the affected service
 * @param severity   SEV1 to SEV5
 * @param urgency    high or low, for the person's notification rules
 * @param level      the escalation policy level that pages, from 1
 * @param round      the pass through the policy, from 1 (a policy that repeats twice has rounds 1 to 3)
 * @param user       who is paged
 * @param reason     why this person: {@code user}, {@code schedule:<id>}, {@code team:<id>}, or for a reminder
 *                   {@code reminder:<kind>} (level and round are then 0)
 * @param note       text to show with the page, e.g. a reminder's words from {@link ReminderDue#text()};
 *                   {@code null} for an ordinary page
 */
public record NotificationRequested(
        UUID requestId,
        UUID incidentId,
        long number,
        String title,
        String service,
        IncidentSeverity severity,
        Urgency urgency,
        int level,
        int round,
        Recipient user,
        String reason,
        String note) implements Message {

    public NotificationRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(user, "user");
    }

    /** An ordinary page, without a note. */
    public NotificationRequested(UUID requestId, UUID incidentId, long number, String title, String service,
            IncidentSeverity severity, Urgency urgency, int level, int round, Recipient user, String reason) {
        this(requestId, incidentId, number, title, service, severity, urgency, level, round, user, reason, null);
    }

    /**
     * The person to page, as escalation-service knows them.
     *
     * @param id       the user id of the escalation configuration
     * @param name     display name
     * @param email    e-mail address
     * @param slack    Slack handle or member id, may be {@code null}
     * @param timeZone IANA zone id, e.g. {@code Europe/London}
     */
    public record Recipient(String id, String name, String email, String slack, String timeZone) {

        public Recipient {
            Objects.requireNonNull(id, "id");
        }
    }
}
