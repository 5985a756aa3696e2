package io.vigil.incident.incident.adapter.redis;

import io.vigil.incident.incident.IncidentProperties;
import io.vigil.incident.incident.application.DedupWindow;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The dedup window in Redis: {@code <prefix><service>:<fingerprint>} holds the open incident's id
 * for the window's length. Redis being down costs speed, never correctness: every failure reads as
 * "not remembered" and the database decides.
 */
@Component
class RedisDedupWindow implements DedupWindow {

    private static final Logger log = LoggerFactory.getLogger(RedisDedupWindow.class);

    private final StringRedisTemplate redis;
    private final IncidentProperties properties;

    RedisDedupWindow(StringRedisTemplate redis, IncidentProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Optional<UUID> openIncidentOf(String service, String fingerprint) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(key(service, fingerprint))).map(UUID::fromString);
        } catch (DataAccessException | IllegalArgumentException e) {
            log.debug("Dedup window unavailable, asking the database: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void remember(String service, String fingerprint, UUID incidentId) {
        try {
            redis.opsForValue().set(key(service, fingerprint), incidentId.toString(), properties.dedupWindow());
        } catch (DataAccessException e) {
            log.debug("Dedup window unavailable, not remembering {}: {}", fingerprint, e.getMessage());
        }
    }

    private String key(String service, String fingerprint) {
        return properties.dedupKeyPrefix() + service + ":" + fingerprint;
    }
}
