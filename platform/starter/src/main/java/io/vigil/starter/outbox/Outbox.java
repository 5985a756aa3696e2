package io.vigil.starter.outbox;

import io.vigil.contracts.Envelope;

/**
 * Where a service puts the events its state changes cause. An event appended here is written in
 * the caller's transaction and published to Kafka after it commits, so a change and its event are
 * never separated: both happen or neither does.
 */
public interface Outbox {

    /**
     * Adds the event to the current transaction; it is published on {@code topic} keyed by the
     * envelope's aggregate id.
     *
     * @throws IllegalStateException when no transaction is active
     */
    void append(String topic, Envelope<?> envelope);
}
