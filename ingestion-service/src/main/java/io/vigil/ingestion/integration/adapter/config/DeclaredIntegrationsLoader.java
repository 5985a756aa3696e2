package io.vigil.ingestion.integration.adapter.config;

import io.vigil.ingestion.integration.IntegrationProperties;
import io.vigil.ingestion.integration.application.DeclareIntegrations;
import io.vigil.ingestion.integration.domain.SourceType;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies {@code vigil.ingestion.integrations} once the context is built, before the web server takes
 * requests, so a seeded key works from the first event.
 */
@Component
class DeclaredIntegrationsLoader implements SmartInitializingSingleton {

    private final IntegrationProperties properties;
    private final DeclareIntegrations declareIntegrations;

    DeclaredIntegrationsLoader(IntegrationProperties properties, DeclareIntegrations declareIntegrations) {
        this.properties = properties;
        this.declareIntegrations = declareIntegrations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        declareIntegrations.declare(properties.integrations().stream()
                .map(declared -> new DeclareIntegrations.Declared(declared.name(),
                        SourceType.fromWireName(declared.type()).orElseThrow(), declared.service(), declared.key()))
                .toList());
    }
}
