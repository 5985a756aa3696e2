package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who is told of public updates. */
public interface Subscriptions {

    /** Adds the subscription, or answers the one that already has this channel and address. */
    Subscription addOrGet(Subscription subscription);

    /** All of them, oldest first. */
    List<Subscription> all();

    /** @return false when there was none */
    boolean remove(UUID id);

    Optional<Subscription> find(UUID id);
}
