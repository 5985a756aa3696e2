package io.vigil.notification.delivery.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.adapter.logmode.LogMode;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Slack without a bot token: nothing is called, the message is printed under a clear label and counts as sent. */
class LogModeTest {

    private final ListAppender<ILoggingEvent> printed = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("vigil.notification.LOG_MODE");

    @BeforeEach
    void capture() {
        printed.start();
        logger.addAppender(printed);
    }

    @AfterEach
    void release() {
        logger.detachAppender(printed);
    }

    @Test
    void slackWithoutATokenPrintsTheLabelledMessageInsteadOfSending() {
        NotificationProperties properties = new NotificationProperties("", Duration.ofMillis(200), 50,
                Duration.ofMinutes(2), List.of(Duration.ZERO), 0, List.of("slack", "email"),
                "http://vigil.test/incidents/{id}",
                new NotificationProperties.Slack("", "", "http://127.0.0.1:9/api/", Duration.ofMinutes(5),
                        Duration.ofSeconds(1)),
                new NotificationProperties.Email("vigil@localhost"),
                new NotificationProperties.Twilio("", "", "", null, "http://localhost", Duration.ofMinutes(1),
                        Duration.ofMinutes(2)),
                new NotificationProperties.Webhook(List.of(), Duration.ofSeconds(5), "/vigil"));
        UUID incidentId = UUID.fromString("7a4e2b1c-3d5f-4e6a-8b9c-0d1e2f3a4b5c");
        Delivery delivery = new Delivery(UUID.randomUUID(), "k", UUID.randomUUID(), incidentId, 42, "disk full",
                "billing", "SEV1", "HIGH", "alice", "Alice", "U1", null, Channel.SLACK, "U1", "page-slack", "default",
                Purpose.PAGE, null, null, null, DeliveryStatus.PENDING, 0, Instant.EPOCH, Instant.EPOCH, null, null,
                null);

        SendResult result = new SlackSender(properties, new LogMode(properties)).send(delivery);

        assertThat(result).isEqualTo(new SendResult.Sent("log", null));
        assertThat(printed.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("[LOG MODE: slack not sent, no Slack bot token is configured] to U1 (alice) for page:")
                .contains("[SEV1] #42 billing: disk full")
                .contains("http://vigil.test/incidents/" + incidentId));
    }
}
