package io.vigil.starter.inbox;

import java.util.UUID;

/**
 * Remembers which messages a consumer already processed, so that Kafka's at-least-once delivery
 * changes state exactly once. Use it inside the transaction of the change: if the change rolls back,
 * so does the mark.
 */
public interface Inbox {

    /**
     * Marks the message processed by {@code consumer}.
     *
     * @return {@code true} the first time, {@code false} when it was already processed
     */
    boolean firstDelivery(String consumer, UUID eventId);
}
