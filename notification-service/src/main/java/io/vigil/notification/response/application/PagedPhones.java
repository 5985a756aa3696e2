package io.vigil.notification.response.application;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Which page a phone number is answering: only incidents that number was paged about can be answered from it. */
public interface PagedPhones {

    /** One page sent to a phone. */
    record PagedIncident(UUID incidentId, long incidentNumber, String userId) {
    }

    /**
     * The latest page by SMS or call to {@code phone} about the incident with this number, or about any incident when
     * no number is given.
     */
    Optional<PagedIncident> lastPage(String phone, OptionalLong incidentNumber);
}
