package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;

/** An integration together with its secret key, which is shown this once and never again. */
public record IssuedKey(Integration integration, String key) {
}
