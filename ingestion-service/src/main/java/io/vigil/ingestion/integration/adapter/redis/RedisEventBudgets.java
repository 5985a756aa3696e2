package io.vigil.ingestion.integration.adapter.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingestion.integration.application.EventBudgets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts in Redis, one key per integration and minute ({@code vigil:ingestion:events:<id>:<epoch minute>}),
 * incremented and given its expiry in one atomic script. Redis being unreachable is not the source's fault:
 * the count is reported as unknown, and {@code vigil_ingest_ratelimit_unavailable_total} says how often.
 */
@Component
class RedisEventBudgets implements EventBudgets {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBudgets.class);
    private static final RedisScript<Long> ADD = RedisScript.of("""
            local count = redis.call('INCRBY', KEYS[1], ARGV[1])
            if count == tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], 120) end
            return count""", Long.class);

    private final StringRedisTemplate redis;
    private final Counter unavailable;

    RedisEventBudgets(StringRedisTemplate redis, MeterRegistry registry) {
        this.redis = redis;
        this.unavailable = Counter.builder("vigil.ingest.ratelimit.unavailable")
                .description("Events admitted without a rate-limit check because Redis could not be reached")
                .register(registry);
    }

    @Override
    public OptionalLong add(UUID integrationId, Instant minute, int events) {
        String key = "vigil:ingestion:events:%s:%d".formatted(integrationId, minute.getEpochSecond() / 60);
        try {
            Long count = redis.execute(ADD, List.of(key), Integer.toString(events));
            return count == null ? OptionalLong.empty() : OptionalLong.of(count);
        } catch (DataAccessException | IllegalStateException e) {
            unavailable.increment(events);
            log.warn("Rate limit not checked, Redis unavailable: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }
}
