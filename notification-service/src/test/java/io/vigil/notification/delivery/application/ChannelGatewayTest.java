package io.vigil.notification.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChannelGatewayTest {

    /** A Slack that answers with what the test queues. */
    private static final class ScriptedSlack implements ChannelSender {
        final Deque<Supplier<SendResult>> answers = new ArrayDeque<>();
        int calls;

        @Override
        public Channel channel() {
            return Channel.SLACK;
        }

        @Override
        public SendResult send(Delivery delivery) {
            calls++;
            return answers.removeFirst().get();
        }
    }

    private final ScriptedSlack slack = new ScriptedSlack();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofHours(1)).build());
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    private final ChannelGateway gateway = new ChannelGateway(List.of(slack), breakers, limiters);
    private final Delivery delivery = new Delivery(UUID.randomUUID(), "k", UUID.randomUUID(), UUID.randomUUID(), 1,
            "t", "s", "SEV1", "HIGH", "u", "U", "U1", null, Channel.SLACK, "U1", "m", "r", Purpose.PAGE, null, null,
            null, DeliveryStatus.PENDING, 0, Instant.EPOCH, Instant.EPOCH, null, null, null);

    @Test
    void repeatedFailuresOpenTheProvidersBreakerAndThenNothingIsCalled() {
        for (int i = 0; i < 4; i++) {
            slack.answers.add(() -> {
                throw ChannelUnavailable.because("slack answered 500");
            });
            assertThatThrownBy(() -> gateway.send(List.of(delivery))).isInstanceOfSatisfying(ChannelUnavailable.class,
                    e -> assertThat(e.circuitOpen()).isFalse());
        }

        assertThat(breakers.circuitBreaker("slack").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> gateway.send(List.of(delivery))).isInstanceOfSatisfying(ChannelUnavailable.class,
                e -> assertThat(e.circuitOpen()).isTrue());
        assertThat(slack.calls).isEqualTo(4);
    }

    @Test
    void rateLimitsAndPermanentRejectionsDoNotCountAgainstTheProvider() {
        for (int i = 0; i < 4; i++) {
            slack.answers.add(() -> {
                throw new ChannelUnavailable("slack rate limited", Duration.ofSeconds(3), false);
            });
            assertThatThrownBy(() -> gateway.send(List.of(delivery))).isInstanceOf(ChannelUnavailable.class);
            slack.answers.add(() -> new SendResult.Rejected("slack: channel_not_found"));
            assertThat(gateway.send(List.of(delivery))).isEqualTo(new SendResult.Rejected("slack: channel_not_found"));
        }

        assertThat(breakers.circuitBreaker("slack").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void overTheProvidersRateLimitTheDeliveryWaitsOneRefreshPeriodWithoutCallingIt() {
        limiters.rateLimiter("slack", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        slack.answers.add(() -> new SendResult.Sent("slack-api", "C:1"));
        assertThat(gateway.send(List.of(delivery))).isEqualTo(new SendResult.Sent("slack-api", "C:1"));

        assertThatThrownBy(() -> gateway.send(List.of(delivery))).isInstanceOfSatisfying(ChannelUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(slack.calls).isEqualTo(1);
        assertThat(breakers.circuitBreaker("slack").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aChannelWithoutProviderIsRejectedNotRetried() {
        Delivery voice = new Delivery(delivery.id(), "k", delivery.requestId(), delivery.incidentId(), 1, "t", "s",
                "SEV1", "HIGH", "u", "U", null, null, Channel.VOICE, "+447700900123", "m", "r", Purpose.PAGE, null,
                null, null, DeliveryStatus.PENDING, 0, Instant.EPOCH, Instant.EPOCH, null, null, null);

        assertThat(gateway.send(List.of(voice))).isEqualTo(new SendResult.Rejected("no provider for voice"));
    }
}
