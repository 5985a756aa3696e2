package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.Channel;
import java.util.List;
import java.util.Optional;

/** What each service says about notifying: the Slack channel it posts its incidents to, and its fallback chain. */
public interface ServiceChannels {

    Optional<String> slackChannelOf(String service);

    /** Sets the service's channel, or removes it when {@code slackChannel} is {@code null}. */
    void set(String service, String slackChannel);

    /** The service's fallback chain; empty when it follows the service-wide one. */
    List<Channel> fallbackChainOf(String service);

    /** Sets the service's fallback chain; an empty list returns it to the service-wide one. */
    void setFallbackChain(String service, List<Channel> chain);
}
