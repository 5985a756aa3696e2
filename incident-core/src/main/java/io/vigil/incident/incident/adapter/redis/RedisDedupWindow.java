package io.vigil.incident.incident.adapter.redis;

import io.vigil.incident.incident.IncidentProperties;
import io.vigil.incident.incident.application.DedupWindow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
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
    public Map<Problem, UUID> openIncidentsOf(Collection<Problem> problems) {
        List<Problem> asked = List.copyOf(problems);
        try {
            List<String> ids = redis.opsForValue().multiGet(asked.stream().map(this::key).toList());
            Map<Problem, UUID> remembered = new HashMap<>();
            for (int i = 0; ids != null && i < asked.size(); i++) {
                if (ids.get(i) != null) {
                    remembered.put(asked.get(i), UUID.fromString(ids.get(i)));
                }
            }
            return remembered;
        } catch (DataAccessException | IllegalArgumentException e) {
            log.debug("Dedup window unavailable, asking the database: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void rememberAll(Map<Problem, UUID> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(incidents.size());
        incidents.forEach((problem, id) -> entries.add(Map.entry(key(problem).getBytes(StandardCharsets.UTF_8),
                id.toString().getBytes(StandardCharsets.UTF_8))));
        long millis = properties.dedupWindow().toMillis();
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                entries.forEach(entry -> connection.stringCommands().pSetEx(entry.getKey(), millis, entry.getValue()));
                return null;
            });
        } catch (DataAccessException e) {
            log.debug("Dedup window unavailable, not remembering {} problems: {}", entries.size(), e.getMessage());
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

    private String key(Problem problem) {
        return key(problem.service(), problem.fingerprint());
    }

    private String key(String service, String fingerprint) {
        return properties.dedupKeyPrefix() + service + ":" + fingerprint;
    }
}
