package io.vigil.incident.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the incident cost.
 *
 * @param startedAt         when the incident opened
 * @param endedAt           when it was resolved
 * @param servicesAffected  the incident's service first, then any others the team names
 * @param customersAffected as entered by the team (a count, a segment, "none"); {@code null} until entered
 */
public record Impact(Instant startedAt, Instant endedAt, List<String> servicesAffected, String customersAffected) {

    public Impact {
        servicesAffected = servicesAffected == null ? List.of() : List.copyOf(servicesAffected);
    }

    /** Opened to resolved; {@code null} when either is unknown. */
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    /** A duration as people write it: {@code 1h 5m}, {@code 42m}, {@code 2d 3h}, {@code 30s}. */
    public static String human(Duration duration) {
        if (duration == null) {
            return "unknown";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (hours > 0) {
            text.append(hours).append("h ");
        }
        if (minutes > 0 && days == 0) {
            text.append(minutes).append("m ");
        }
        return text.toString().strip();
    }
}
