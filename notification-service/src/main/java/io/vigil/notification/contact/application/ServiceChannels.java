package io.vigil.notification.contact.application;

import java.util.Optional;

/** The Slack channel each service posts its incidents to. */
public interface ServiceChannels {

    Optional<String> slackChannelOf(String service);

    /** Sets the service's channel, or removes it when {@code slackChannel} is {@code null}. */
    void set(String service, String slackChannel);
}
