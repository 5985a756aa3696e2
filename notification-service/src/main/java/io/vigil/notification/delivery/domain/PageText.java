package io.vigil.notification.delivery.domain;

/**
 * The words of a page, the same on every channel: what broke, how bad, where, and how to look at it.
 *
 * @param incidentUrlTemplate link to an incident, {@code {id}} replaced by its id
 */
public record PageText(String incidentUrlTemplate) {

    /** {@code [SEV2] #42 checkout: p99 latency above 2s}. */
    public String headline(Delivery delivery) {
        return "[%s] %s %s: %s".formatted(delivery.severity() == null ? "SEV?" : delivery.severity(),
                delivery.incidentCode(), delivery.service() == null ? "unknown service" : delivery.service(),
                delivery.title() == null ? "(no title)" : delivery.title());
    }

    public String incidentUrl(Delivery delivery) {
        return incidentUrlTemplate.replace("{id}", delivery.incidentId().toString());
    }

    /** A page that carries words of its own, such as a reminder that an update is overdue. */
    public static boolean hasNote(Delivery delivery) {
        return delivery.purpose() == Purpose.PAGE && delivery.note() != null && !delivery.note().isBlank();
    }

    /** The whole message as plain text. */
    public String plain(Delivery delivery) {
        if (delivery.purpose() == Purpose.NOTICE) {
            return delivery.title() + "\n" + delivery.note();
        }
        if (delivery.purpose() == Purpose.UPDATE || delivery.purpose() == Purpose.NOTE) {
            return delivery.note() + "\n" + incidentUrl(delivery);
        }
        if (delivery.purpose() == Purpose.APPROVAL) {
            return delivery.title() + "\n" + delivery.note() + "\nRun " + delivery.requestId() + "\nIncident: "
                    + incidentUrl(delivery);
        }
        if (hasNote(delivery)) {
            return """
                    %s
                    Reminder for %s: %s
                    Incident: %s
                    """.formatted(headline(delivery), delivery.userName() == null ? delivery.userId()
                    : delivery.userName(), delivery.note(), incidentUrl(delivery));
        }
        return """
                %s
                Urgency: %s
                You are paged for %s.
                Incident: %s
                """.formatted(headline(delivery), delivery.urgency() == null ? "high" : delivery.urgency().toLowerCase(java.util.Locale.ROOT),
                delivery.userName() == null ? delivery.userId() : delivery.userName(), incidentUrl(delivery));
    }
}
