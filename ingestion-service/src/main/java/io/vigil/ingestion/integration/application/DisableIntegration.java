package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Disables an integration: its key is refused from now on, its history stays. */
@Service
public class DisableIntegration {

    private final Integrations integrations;

    public DisableIntegration(Integrations integrations) {
        this.integrations = integrations;
    }

    /** The disabled integration, or empty when there is no such integration. */
    public Optional<Integration> disable(UUID id) {
        if (!integrations.setEnabled(id, false)) {
            return Optional.empty();
        }
        return integrations.byId(id);
    }
}
