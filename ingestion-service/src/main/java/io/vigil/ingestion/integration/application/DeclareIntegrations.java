package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.IntegrationKeys;
import io.vigil.ingestion.integration.domain.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Configuration as code: makes the integrations declared in configuration exist with exactly the declared
 * type, service and key. Running it again changes nothing.
 */
@Service
public class DeclareIntegrations {

    /** One declared integration, with its key in clear (it comes from the operator's configuration). */
    public record Declared(String name, SourceType type, String service, String key) {
    }

    private final Integrations integrations;
    private final Clock clock;

    public DeclareIntegrations(Integrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    public void declare(List<Declared> declared) {
        Instant now = clock.instant();
        for (Declared integration : declared) {
            integrations.upsertByName(new Integration(UUID.randomUUID(), integration.name(), integration.type(),
                    integration.service(), true, true, now, now), IntegrationKeys.hash(integration.key()));
        }
    }
}
