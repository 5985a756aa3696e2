package io.vigil.notification.delivery.application;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.Contacts;
import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.domain.Channel;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The order channels are tried in when one fails for good: the person's own chain when they have one, else the
 * chain of the incident's service, else {@code vigil.notification.fallback-chain}.
 */
@Component
public class FallbackChain {

    private final List<Channel> channels;
    private final Contacts contacts;
    private final ServiceChannels services;

    public FallbackChain(NotificationProperties properties, Contacts contacts, ServiceChannels services) {
        this.channels = properties.fallbackChain().stream().map(Channel::fromWireName).toList();
        this.contacts = contacts;
        this.services = services;
    }

    /** The service-wide chain. */
    public List<Channel> channels() {
        return channels;
    }

    /** The chain a page to this person about an incident of this service follows. */
    public List<Channel> channelsFor(String userId, String service) {
        List<Channel> own = contacts.fallbackChainOf(userId);
        if (!own.isEmpty()) {
            return own;
        }
        List<Channel> services = service == null ? List.of() : this.services.fallbackChainOf(service);
        return services.isEmpty() ? channels : services;
    }
}
