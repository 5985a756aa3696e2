package io.vigil.notification.response.application;

import java.util.Optional;
import java.util.UUID;

/** The incidents Vigil paged people about, found by the short number people type ({@code #42}). */
public interface PagedIncidents {

    Optional<UUID> byNumber(long number);
}
