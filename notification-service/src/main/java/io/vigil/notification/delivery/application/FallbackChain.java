package io.vigil.notification.delivery.application;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.Contacts;
import io.vigil.notification.contact.domain.Channel;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The order channels are tried in when one fails for good: the person's own chain when they have one, else
 * {@code vigil.notification.fallback-chain}.
 */
@Component
public class FallbackChain {

    private final List<Channel> channels;
    private final Contacts contacts;

    public FallbackChain(NotificationProperties properties, Contacts contacts) {
        this.channels = properties.fallbackChain().stream().map(Channel::fromWireName).toList();
        this.contacts = contacts;
    }

    /** The service-wide chain. */
    public List<Channel> channels() {
        return channels;
    }

    /** The chain a page to this person follows. */
    public List<Channel> channelsFor(String userId) {
        List<Channel> own = contacts.fallbackChainOf(userId);
        return own.isEmpty() ? channels : own;
    }
}
