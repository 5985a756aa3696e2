package io.vigil.incident.communication.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.communication.domain.CommunicationTemplate;
import io.vigil.incident.communication.domain.TemplateName;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the templates in force and lets an admin edit them or go back to the default. */
@Service
public class ManageTemplates {

    private final Templates templates;
    private final Clock clock;

    public ManageTemplates(Templates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CommunicationTemplate> all() {
        return Arrays.stream(TemplateName.values()).map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public CommunicationTemplate get(TemplateName name) {
        return templates.edited(name).orElseGet(() -> CommunicationTemplate.defaultOf(name));
    }

    /** @throws InvalidTemplate when the body does not compile or names an unknown placeholder; nothing is saved */
    @Transactional
    public CommunicationTemplate edit(TemplateName name, String body, Actor by) {
        TemplateEngine.compile(body);
        templates.save(name, body, clock.instant(), by.id());
        return get(name);
    }

    @Transactional
    public CommunicationTemplate reset(TemplateName name) {
        templates.forget(name);
        return get(name);
    }
}
