package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.IntegrationKeys;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Issues a new key for an integration; the old key stops working at once. */
@Service
public class RotateIntegrationKey {

    private final Integrations integrations;
    private final Clock clock;

    public RotateIntegrationKey(Integrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /** The new key, or empty when there is no such integration. */
    public Optional<IssuedKey> rotate(UUID id) {
        String key = IntegrationKeys.generate();
        if (!integrations.replaceKey(id, IntegrationKeys.hash(key), clock.instant())) {
            return Optional.empty();
        }
        return integrations.byId(id).map(integration -> new IssuedKey(integration, key));
    }
}
