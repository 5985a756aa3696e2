package io.vigil.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notification-service, under {@code vigil.notification}.
 *
 * @param configFile    contact methods and notification rules applied at start, a Spring resource location such as
 *                      {@code file:/etc/vigil/notification.yaml}; empty to keep what is stored (see
 *                      docs/notifications.md)
 * @param tick          how often the delivery poller looks for due deliveries
 * @param batchSize     most due deliveries one poller pass claims
 * @param claimLease    how long a claimed delivery is hidden from other pollers while it is sent; a replica that
 *                      dies mid-send leaves it to be sent again after this (at least once)
 * @param retrySchedule delay before each attempt: the first entry before the first attempt, then one per retry;
 *                      when it is spent the fallback chain takes over
 * @param retryJitter   fraction of each retry delay added at random (0.1 = up to 10 % later), so a provider's
 *                      recovery is not met by every retry at once
 * @param fallbackChain the channels tried in order when one fails for good, by name ({@code slack}, {@code sms},
 *                      {@code voice}, {@code email}, {@code webhook})
 * @param incidentUrl   link to an incident put in messages; {@code {id}} is replaced by the incident id
 * @param slack         Slack Web API settings; without a bot token Slack runs in log mode
 * @param email         e-mail settings; the SMTP server is {@code spring.mail.*}, without {@code spring.mail.host}
 *                      e-mail runs in log mode
 * @param twilio        Twilio settings for SMS and voice; without account and token both run in log mode
 * @param webhook       outgoing webhook settings
 */
@ConfigurationProperties("vigil.notification")
@Validated
public record NotificationProperties(
        String configFile,
        @NotNull @DefaultValue("200ms") Duration tick,
        @Min(1) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @NotEmpty @DefaultValue({"0s", "10s", "1m", "5m", "15m"}) List<Duration> retrySchedule,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double retryJitter,
        @NotEmpty @DefaultValue({"slack", "sms", "email"}) List<String> fallbackChain,
        @NotNull @DefaultValue("http://localhost:8082/v1/incidents/{id}") String incidentUrl,
        @Valid @NotNull @DefaultValue Slack slack,
        @Valid @NotNull @DefaultValue Email email,
        @Valid @NotNull @DefaultValue Twilio twilio,
        @Valid @NotNull @DefaultValue Webhook webhook) {

    /**
     * Slack.
     *
     * @param botToken      the app's bot token ({@code xoxb-...}); empty means log mode
     * @param signingSecret the app's signing secret, to verify interaction requests; empty refuses every interaction
     * @param apiUrl        the Web API's method prefix, ending in {@code /api/}; tests point it at a fake
     * @param maxClockSkew  how far an interaction's {@code X-Slack-Request-Timestamp} may be from now
     * @param channelGap    least time between two messages to one Slack member or channel (Slack allows about one
     *                      per second); {@code 0s} turns pacing off
     */
    public record Slack(
            String botToken,
            String signingSecret,
            @NotNull @DefaultValue("https://slack.com/api/") String apiUrl,
            @NotNull @DefaultValue("5m") Duration maxClockSkew,
            @NotNull @DefaultValue("1s") Duration channelGap) {

        public boolean configured() {
            return botToken != null && !botToken.isBlank();
        }
    }

    /**
     * E-mail.
     *
     * @param from sender address of pages
     */
    public record Email(@NotNull @DefaultValue("vigil@localhost") String from) {
    }

    /**
     * Twilio, for SMS and voice.
     *
     * @param accountSid     the account ({@code AC...}); empty means log mode
     * @param authToken      the account's auth token: authenticates the API calls and verifies Twilio's webhooks
     * @param fromNumber     the Twilio number pages come from, E.164
     * @param apiEndpoint    send every API request to this {@code http(s)://host:port} instead of api.twilio.com,
     *                       keeping Twilio's paths (a proxy, or a fake in tests); empty for Twilio itself
     * @param webhookBaseUrl the public URL Twilio reaches this service at, as configured on the number; the
     *                       signature Twilio sends is over this URL, so it must match exactly
     * @param smsGap         least time between two SMS to one number; pages held back meanwhile go out combined
     * @param callGap        least time between two calls to one number
     */
    public record Twilio(
            String accountSid,
            String authToken,
            @DefaultValue("") String fromNumber,
            String apiEndpoint,
            @NotNull @DefaultValue("http://localhost:8084") String webhookBaseUrl,
            @NotNull @DefaultValue("1m") Duration smsGap,
            @NotNull @DefaultValue("2m") Duration callGap) {

        public boolean configured() {
            return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
        }
    }

    /**
     * Outgoing webhooks.
     *
     * @param allowedHosts host names or IP addresses that may be called although they are on a loopback or private
     *                     network (an in-house receiver); every other such target is refused
     * @param timeout      how long a receiver may take to answer
     * @param source       the CloudEvents {@code source} of the events sent
     */
    public record Webhook(
            @DefaultValue({}) List<String> allowedHosts,
            @NotNull @DefaultValue("5s") Duration timeout,
            @NotNull @DefaultValue("/vigil/notification-service") String source) {
    }
}
