package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;
import java.util.List;
import org.springframework.stereotype.Service;

/** Lists integrations, without keys (Vigil does not have them). */
@Service
public class ListIntegrations {

    private final Integrations integrations;

    public ListIntegrations(Integrations integrations) {
        this.integrations = integrations;
    }

    public List<Integration> list() {
        return integrations.all();
    }
}
