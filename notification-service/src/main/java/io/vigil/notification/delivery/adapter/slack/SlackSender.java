package io.vigil.notification.delivery.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.http.SlackHttpClient;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.adapter.logmode.LogMode;
import io.vigil.notification.delivery.application.ChannelSender;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;

/**
 * Slack through the Web API ({@code slack-api-client}): a page is a Block Kit message with Acknowledge, Resolve and
 * Escalate buttons; an update edits that message (no more buttons) and replies in its thread. Without a bot token
 * it runs in log mode.
 */
@Component
class SlackSender implements ChannelSender {

    /** Errors that no retry can fix: the message goes to the fallback channel at once. */
    private static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "user_not_found", "user_disabled", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "missing_scope", "invalid_blocks", "msg_too_long", "no_text", "cannot_dm_bot", "restricted_action",
            "message_not_found", "cant_update_message");

    private final NotificationProperties.Slack settings;
    private final LogMode logMode;
    private final PageText text;
    private final SlackMessages messages;
    private final MethodsClient methods;

    SlackSender(NotificationProperties properties, LogMode logMode) {
        this.settings = properties.slack();
        this.logMode = logMode;
        this.text = new PageText(properties.incidentUrl());
        this.messages = new SlackMessages(text);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Statistics would call auth.test first; the fake and the rate limits are better off without it.
        config.setStatsEnabled(false);
        // OkHttp keeps 5 idle connections by default, but the poller sends a whole batch side by side: every
        // connection beyond those would be closed after its call and opened (a TLS handshake to Slack) again.
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .connectionPool(new ConnectionPool(Math.max(5, properties.batchSize()), 5, TimeUnit.MINUTES))
                .build();
        this.methods = settings.configured()
                ? Slack.getInstance(config, new SlackHttpClient(http)).methods(settings.botToken()) : null;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (methods == null) {
            return logMode.record(delivery, "no Slack bot token is configured");
        }
        return switch (delivery.purpose()) {
            case UPDATE -> update(delivery);
            case NOTE -> reply(delivery);
            case APPROVAL -> post(delivery, delivery.title(), messages.approval(delivery));
            case PAGE -> post(delivery, text.headline(delivery), messages.page(delivery));
            case NOTICE -> new SendResult.Rejected("slack: status-page notices go by e-mail or webhook");
        };
    }

    private SendResult post(Delivery delivery, String headline, List<LayoutBlock> blocks) {
        ChatPostMessageResponse response = call(() -> methods.chatPostMessage(request -> request
                .channel(delivery.address()).text(headline).blocks(blocks)));
        if (!response.isOk()) {
            return failure(response);
        }
        return new SendResult.Sent("slack-api", response.getChannel() + ":" + response.getTs());
    }

    private SendResult update(Delivery delivery) {
        String[] ref = delivery.threadRef().split(":", 2);
        String channel = ref[0];
        String ts = ref[1];
        ChatUpdateResponse edited = call(() -> methods.chatUpdate(request -> request.channel(channel).ts(ts)
                .text(text.headline(delivery)).blocks(messages.closed(delivery))));
        // A message that is gone cannot be edited, but its thread can still hear the news.
        if (!edited.isOk() && !"message_not_found".equals(edited.getError())) {
            return failure(edited);
        }
        ChatPostMessageResponse reply = call(() -> methods.chatPostMessage(request -> request.channel(channel)
                .threadTs(ts).text(delivery.note())));
        if (!reply.isOk()) {
            return failure(reply);
        }
        return new SendResult.Sent("slack-api", reply.getChannel() + ":" + reply.getTs());
    }

    /** A reply in the thread of the message the delivery's {@code threadRef} names. */
    private SendResult reply(Delivery delivery) {
        String[] ref = delivery.threadRef().split(":", 2);
        ChatPostMessageResponse reply = call(() -> methods.chatPostMessage(request -> request.channel(ref[0])
                .threadTs(ref[1]).text(delivery.note())));
        if (!reply.isOk()) {
            return failure(reply);
        }
        return new SendResult.Sent("slack-api", reply.getChannel() + ":" + reply.getTs());
    }

    private static SendResult failure(SlackApiTextResponse response) {
        String error = response.getError();
        if (PERMANENT.contains(error)) {
            return new SendResult.Rejected("slack: " + error);
        }
        throw ChannelUnavailable.because("slack: " + error);
    }

    private interface SlackCall<T> {
        T call() throws IOException, SlackApiException;
    }

    private static <T> T call(SlackCall<T> call) {
        try {
            return call.call();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                String header = e.getResponse().header("Retry-After");
                Duration wait = Duration.ofSeconds(parseSeconds(header));
                throw new ChannelUnavailable("slack rate limited, retry after " + wait.toSeconds() + "s", wait, false);
            }
            throw ChannelUnavailable.because("slack answered " + status);
        } catch (IOException e) {
            throw ChannelUnavailable.because("slack unreachable: " + e.getMessage());
        }
    }

    private static long parseSeconds(String header) {
        try {
            return header == null ? 1 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
