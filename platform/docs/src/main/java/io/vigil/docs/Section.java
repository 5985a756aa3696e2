package io.vigil.docs;

import java.util.Arrays;
import java.util.Optional;

/**
 * A section of the configuration reference: one module, the package its properties records live in, the
 * configuration file that sets their values, and the page that explains them.
 */
enum Section {

    SHARED("Shared by every service", "platform/starter", "io.vigil.starter.", null, "architecture.md"),
    INGESTION("ingestion-service", "ingestion-service", "io.vigil.ingestion.", "ingestion-service.yml",
            "integrations.md"),
    INCIDENT("incident-core", "incident-core", "io.vigil.incident.", "incident-core.yml", "incidents-api.md"),
    ESCALATION("escalation-service", "escalation-service", "io.vigil.escalation.", "escalation-service.yml",
            "escalation.md"),
    NOTIFICATION("notification-service", "notification-service", "io.vigil.notification.",
            "notification-service.yml", "notifications.md"),
    REMEDIATION("remediation-service", "remediation-service", "io.vigil.remediation.", "remediation-service.yml",
            "remediation.md");

    private final String title;
    private final String module;
    private final String packagePrefix;
    private final String configFile;
    private final String page;

    Section(String title, String module, String packagePrefix, String configFile, String page) {
        this.title = title;
        this.module = module;
        this.packagePrefix = packagePrefix;
        this.configFile = configFile;
        this.page = page;
    }

    String title() {
        return title;
    }

    String module() {
        return module;
    }

    /** The service's own Spring configuration file on the classpath; empty for the shared starter. */
    Optional<String> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** The page of docs/ that explains what these settings do. */
    String page() {
        return page;
    }

    /** The section of the class that declares a property, or empty when no section holds that package. */
    static Optional<Section> declaring(String sourceType) {
        return Arrays.stream(values()).filter(section -> sourceType.startsWith(section.packagePrefix)).findFirst();
    }
}
