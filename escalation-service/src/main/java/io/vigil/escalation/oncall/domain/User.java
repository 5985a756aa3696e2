package io.vigil.escalation.oncall.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A person who can be paged.
 *
 * @param slack Slack handle or member id, may be {@code null}
 */
public record User(String id, String name, String email, ZoneId timeZone, String slack) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
