package io.vigil.notification.delivery.domain;

/**
 * What a channel made of a message it could process. "Try again later" is not a result but a
 * {@link ChannelUnavailable} thrown by the channel.
 */
public sealed interface SendResult {

    /**
     * The provider accepted the message.
     *
     * @param via         {@code slack-api}, {@code smtp}, {@code log}...
     * @param providerRef the provider's id of the message (Slack {@code channel:ts}), or {@code null}
     */
    record Sent(String via, String providerRef) implements SendResult {
    }

    /**
     * The message can never be delivered as addressed (channel not found, invalid number): no retry, fallback.
     *
     * @param reason the provider's words
     */
    record Rejected(String reason) implements SendResult {
    }
}
