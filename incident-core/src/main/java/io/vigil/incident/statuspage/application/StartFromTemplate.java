package io.vigil.incident.statuspage.application;

import io.vigil.incident.communication.application.RenderCommunication;
import io.vigil.incident.communication.domain.TemplateName;
import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The words of a public update, started from a communication template (customer-start, customer-update,
 * customer-resolved…) filled in with the internal incident the update is about and the responder's message.
 */
@Service
public class StartFromTemplate {

    /** A message that starts with this and a template's name, e.g. {@code template:customer-update Rolling back.} */
    static final String PREFIX = "template:";

    private final RenderCommunication render;

    public StartFromTemplate(RenderCommunication render) {
        this.render = render;
    }

    /**
     * @param template   the template's name
     * @param incidents  the internal incidents the update is about; the first fills the template
     * @param message    the responder's own words, the template's {@code {{message}}}
     * @throws InvalidStatusPageRequest naming {@code template} when there is no such template or no incident
     */
    public String text(String template, Collection<UUID> incidents, String message) {
        TemplateName name = TemplateName.of(template).orElseThrow(() -> new InvalidStatusPageRequest("template",
                "must be one of " + Arrays.stream(TemplateName.values()).map(TemplateName::label)
                        .collect(Collectors.joining(", "))));
        UUID incident = incidents.stream().findFirst().orElseThrow(() -> new InvalidStatusPageRequest("template",
                "needs an internal incident linked to the public one to fill it in"));
        return render.render(new RenderCommunication.Command(incident, name,
                Map.of("message", message == null ? "" : message))).strip();
    }

    /**
     * A message as a responder typed it in Slack: {@code template:<name> <words>} starts from that template, anything
     * else is the update's text as it is.
     */
    public String fromTyped(String typed, Collection<UUID> incidents) {
        if (!typed.startsWith(PREFIX)) {
            return typed;
        }
        String[] parts = typed.substring(PREFIX.length()).split("\\s+", 2);
        return text(parts[0], incidents, parts.length > 1 ? parts[1] : "");
    }
}
