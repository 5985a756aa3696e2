package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets (or removes) the Slack channel a service posts every new incident to. */
@Service
public class SetServiceChannel {

    private final ServiceChannels channels;

    public SetServiceChannel(ServiceChannels channels) {
        this.channels = channels;
    }

    /** @throws InvalidContacts when the channel id is not one */
    @Transactional
    public void set(String service, String slackChannel) {
        if (slackChannel != null) {
            List<String> problems = new ContactMethod("service-channel", Channel.SLACK, slackChannel, null).problems();
            if (!problems.isEmpty()) {
                throw new InvalidContacts(problems.stream()
                        .map(p -> new InvalidContacts.Problem("slackChannel", p)).toList());
            }
        }
        channels.set(service, slackChannel);
    }
}
