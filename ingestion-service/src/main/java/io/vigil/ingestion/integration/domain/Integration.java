package io.vigil.ingestion.integration.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A source bound to a service: every event that arrives with this integration's key belongs to
 * {@link #service()}. The key itself is never kept, only its hash ({@link IntegrationKeys#hash}).
 *
 * @param id           stable id
 * @param name         unique name, e.g. {@code prometheus-prod}
 * @param type         which door its events come through
 * @param service      the service its events belong to
 * @param enabled      a disabled integration's key is refused
 * @param declared     created from configuration ({@code vigil.ingestion.integrations}) rather than the API
 * @param createdAt    when it was created
 * @param keyRotatedAt when its current key was issued
 */
public record Integration(UUID id, String name, SourceType type, String service, boolean enabled, boolean declared,
        Instant createdAt, Instant keyRotatedAt) {

    public Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
    }
}
