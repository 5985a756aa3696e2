package io.vigil.notification.contact.domain;

import io.vigil.contracts.Urgency;
import java.time.Duration;
import java.util.Objects;

/**
 * "For a page of this urgency, use this contact method after this delay": SMS now, a call after 5 minutes.
 *
 * @param urgency         the urgency of the page it applies to
 * @param contactMethodId the user's contact method to use
 * @param delay           how long after the page it is used; it is cancelled if the incident is acknowledged first
 */
public record NotificationRule(Urgency urgency, String contactMethodId, Duration delay) {

    public NotificationRule {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(contactMethodId, "contactMethodId");
        Objects.requireNonNull(delay, "delay");
    }

    /** Stable name of the rule, part of a delivery's idempotency key. */
    public String id() {
        return urgency.name().toLowerCase(java.util.Locale.ROOT) + "/" + contactMethodId + "/" + delay.toSeconds() + "s";
    }
}
