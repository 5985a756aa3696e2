package io.vigil.notification.delivery.application;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.SendResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends through the channel's provider behind a circuit breaker per provider (named by the channel: {@code slack},
 * {@code email}...). While a breaker is open nothing is sent and the delivery falls back at once. A rate limit
 * ({@code Retry-After}) is the provider working as designed and does not count against it. A rate limiter per
 * provider (same names) keeps Vigil under the provider's limits: over it, the delivery is due again one refresh
 * period later.
 */
@Component
public class ChannelGateway {

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;

    public ChannelGateway(List<ChannelSender> senders, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.breakers = breakers;
        this.limiters = limiters;
    }

    /**
     * Sends one delivery, or several to one address as one message.
     *
     * @throws ChannelUnavailable when the provider cannot take it now or its breaker is open
     */
    public SendResult send(List<Delivery> group) {
        Delivery delivery = group.getFirst();
        ChannelSender sender = senders.get(delivery.channel());
        if (sender == null) {
            return new SendResult.Rejected("no provider for " + delivery.channel().wireName());
        }
        CircuitBreaker breaker = breakers.circuitBreaker(delivery.channel().wireName());
        if (!breaker.tryAcquirePermission()) {
            throw new ChannelUnavailable(delivery.channel().wireName() + " circuit breaker is open", null, true);
        }
        RateLimiter limiter = limiters.rateLimiter(delivery.channel().wireName());
        if (!limiter.acquirePermission()) {
            breaker.releasePermission();
            throw new ChannelUnavailable(delivery.channel().wireName() + " send rate limit reached",
                    limiter.getRateLimiterConfig().getLimitRefreshPeriod(), false);
        }
        long start = System.nanoTime();
        try {
            SendResult result = sender.sendCombined(group);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (ChannelUnavailable e) {
            if (e.retryAfter().isPresent()) {
                breaker.releasePermission();
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw ChannelUnavailable.because(delivery.channel().wireName() + " failed: " + e.getMessage());
        }
    }
}
