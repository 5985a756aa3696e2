package io.vigil.incident.statuspage.application;

import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.StableIds;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A responder asked from Slack to tell the public how an incident stands: the update goes to every unresolved public
 * incident linked to it, each announced to subscribers as an update posted through the API is. Carried out once per
 * command; a request that cannot be published (nothing linked, a status the public incident cannot take) is written
 * on the incident's timeline, where the responder looks next.
 */
@Service
public class PublishFromChannel {

    static final String CONSUMER = "incident-core.status-updates";

    private final Inbox inbox;
    private final PublicIncidents incidents;
    private final PostUpdate postUpdate;
    private final Timeline timeline;
    private final StartFromTemplate fromTemplate;
    private final Clock clock;

    public PublishFromChannel(Inbox inbox, PublicIncidents incidents, PostUpdate postUpdate, Timeline timeline,
            StartFromTemplate fromTemplate, Clock clock) {
        this.fromTemplate = fromTemplate;
        this.inbox = inbox;
        this.incidents = incidents;
        this.postUpdate = postUpdate;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @return how many public incidents were updated */
    @Transactional
    public int publish(PublishStatusUpdate command) {
        if (command.incident().incidentId() == null || !inbox.firstDelivery(CONSUMER, command.commandId())) {
            return 0;
        }
        List<PublicIncident> linked = incidents.openLinkedTo(command.incident().incidentId());
        String by = command.actor().id() + " via " + command.actor().via();
        if (linked.isEmpty()) {
            refuse(command, ("Status page update by %s not published: no unresolved public incident is linked to "
                    + "this incident").formatted(by));
            return 0;
        }
        for (PublicIncident incident : linked) {
            try {
                postUpdate.validate(incident, command.status());
            } catch (InvalidStatusPageRequest invalid) {
                refuse(command, "Status page update by %s not published: '%s' %s".formatted(by, invalid.field(),
                        invalid.rule()));
                return 0;
            }
        }
        String text;
        try {
            text = fromTemplate.fromTyped(command.message(), List.of(command.incident().incidentId()));
        } catch (InvalidStatusPageRequest invalid) {
            refuse(command, "Status page update by %s not published: '%s' %s".formatted(by, invalid.field(),
                    invalid.rule()));
            return 0;
        }
        for (PublicIncident incident : linked) {
            postUpdate.post(new PostUpdate.Command(incident.id(), command.status(), text, null, Map.of(),
                    command.actor()), StableIds.of("status-update", command.commandId().toString(),
                    incident.id().toString()));
        }
        return linked.size();
    }

    private void refuse(PublishStatusUpdate command, String why) {
        timeline.add(command.incident().incidentId(), new Timeline.Entry(clock.instant(), "refused", why,
                command.actor()));
    }
}
