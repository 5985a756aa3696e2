package io.vigil.notification.delivery.application;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import java.util.List;
import org.springframework.stereotype.Component;

/** The order channels are tried in when one fails for good, from {@code vigil.notification.fallback-chain}. */
@Component
public class FallbackChain {

    private final List<Channel> channels;

    public FallbackChain(NotificationProperties properties) {
        this.channels = properties.fallbackChain().stream().map(Channel::fromWireName).toList();
    }

    public List<Channel> channels() {
        return channels;
    }
}
