package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.IntegrationKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates an integration and issues its first key. */
@Service
public class CreateIntegration {

    private final Integrations integrations;
    private final Clock clock;

    public CreateIntegration(Integrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /** @throws IntegrationNameTaken when the name is in use */
    public IssuedKey create(NewIntegration request) {
        if (integrations.all().stream().anyMatch(existing -> existing.name().equals(request.name()))) {
            throw new IntegrationNameTaken(request.name());
        }
        Instant now = clock.instant();
        Integration integration = new Integration(UUID.randomUUID(), request.name(), request.type(),
                request.service(), true, false, now, now);
        String key = IntegrationKeys.generate();
        integrations.add(integration, IntegrationKeys.hash(key));
        return new IssuedKey(integration, key);
    }
}
