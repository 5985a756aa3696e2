package io.vigil.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every Kafka record between Vigil services carries.
 *
 * @param eventId     unique id of this message; consumers are idempotent on it
 * @param type        wire name of the payload, e.g. {@code AlertReceived}
 * @param version     version of the payload's schema; a breaking change raises it
 * @param occurredAt  when the fact happened (or the command was issued)
 * @param aggregateId the thing the message is about, also the Kafka key: a fingerprint or an incident id
 * @param traceparent W3C trace context of the request that caused it, or {@code null}
 * @param payload     the message itself
 */
public record Envelope<P extends Message>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        String traceparent,
        P payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * Wraps {@code payload} with the type and version the catalog gives its class.
     *
     * @param eventId a derived id when the message must stay the same across retries
     */
    public static <P extends Message> Envelope<P> of(UUID eventId, String aggregateId, P payload, Clock clock,
            String traceparent) {
        MessageCatalog.Entry entry = MessageCatalog.entryFor(payload.getClass());
        return new Envelope<>(eventId, entry.type(), entry.version(), clock.instant(), aggregateId, traceparent, payload);
    }
}
