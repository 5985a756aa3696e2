package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.SourceType;

/** A request to create an integration. */
public record NewIntegration(String name, SourceType type, String service) {
}
