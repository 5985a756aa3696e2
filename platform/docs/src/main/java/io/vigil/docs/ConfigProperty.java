package io.vigil.docs;

/**
 * One property as the Spring Boot configuration processor describes it in
 * {@code META-INF/spring-configuration-metadata.json}.
 *
 * @param name         the canonical (kebab-case) name, e.g. {@code vigil.notification.slack.bot-token}
 * @param type         the Java type, fully qualified, e.g. {@code java.time.Duration}
 * @param description  the {@code @param} Javadoc of the record component, or empty
 * @param sourceType   the {@code @ConfigurationProperties} class that declares it
 * @param defaultValue what the declaring class defaults it to ({@code @DefaultValue}), or {@code null}
 */
record ConfigProperty(String name, String type, String description, String sourceType, Object defaultValue) {

    ConfigProperty {
        description = description == null ? "" : description;
        sourceType = sourceType == null ? "" : sourceType;
    }
}
