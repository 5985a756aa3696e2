package io.vigil.incident.communication.application;

import io.vigil.incident.communication.domain.CommunicationTemplate;
import io.vigil.incident.communication.domain.TemplateName;
import java.time.Instant;
import java.util.Optional;

/** The templates admins edited; a template nobody edited is its default and not stored. */
public interface Templates {

    /** The edited template, or empty when it is still the default. */
    Optional<CommunicationTemplate> edited(TemplateName name);

    void save(TemplateName name, String body, Instant at, String by);

    /** Forgets the edit: the template is its default again. */
    void forget(TemplateName name);
}
