package io.vigil.ingestion.integration.application;

/** Another integration already has this name. */
public class IntegrationNameTaken extends RuntimeException {

    public IntegrationNameTaken(String name) {
        super("an integration named '%s' already exists".formatted(name));
    }
}
