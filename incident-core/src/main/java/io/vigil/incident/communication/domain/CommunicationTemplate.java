package io.vigil.incident.communication.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A template as it stands: the default words, or an admin's edit of them.
 *
 * @param custom    whether an admin edited it; {@code false} for the default
 * @param updatedAt when it was last edited, {@code null} for the default
 * @param updatedBy who last edited it, {@code null} for the default
 */
public record CommunicationTemplate(TemplateName name, String body, boolean custom, Instant updatedAt,
        String updatedBy) {

    public CommunicationTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    public static CommunicationTemplate defaultOf(TemplateName name) {
        return new CommunicationTemplate(name, DefaultTemplates.of(name), false, null, null);
    }
}
