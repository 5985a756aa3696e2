package io.vigil.ingestion.heartbeat.adapter.web;

import io.vigil.ingestion.alert.adapter.web.IntakeAuthentication;
import io.vigil.ingestion.heartbeat.application.RecordBeat;
import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceType;
import io.vigil.starter.web.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/heartbeats/{name}}, with the key of a {@code heartbeat} integration: the monitor
 * {@code name} is alive. {@code ?interval=} and {@code ?grace=} ({@code 5m}, {@code 30s} or ISO-8601
 * {@code PT5M}) set how often beats must come and how late they may be; given once, they are kept.
 */
@RestController
class HeartbeatController {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_INTERVAL = Duration.ofDays(7);

    private final RecordBeat recordBeat;
    private final IntakeAuthentication authentication;

    HeartbeatController(RecordBeat recordBeat, IntakeAuthentication authentication) {
        this.recordBeat = recordBeat;
        this.authentication = authentication;
    }

    /** The monitor after the beat. */
    record BeatAnswer(String status, String name, Duration interval, Duration grace, Instant nextDueAt,
            boolean recovered) {
    }

    @PostMapping("/v1/heartbeats/{name}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BeatAnswer beat(@PathVariable String name, @RequestParam(required = false) String interval,
            @RequestParam(required = false) String grace, HttpServletRequest http) {
        if (!name.matches("[A-Za-z0-9._-]{1,255}")) {
            throw invalid("name", "must be 1 to 255 letters, digits, '.', '_' or '-'");
        }
        Duration expected = duration("interval", interval);
        if (expected != null && (expected.compareTo(MIN_INTERVAL) < 0 || expected.compareTo(MAX_INTERVAL) > 0)) {
            throw invalid("interval", "must be between 10s and 7d");
        }
        Duration late = duration("grace", grace);
        if (late != null && (late.isNegative() || late.compareTo(MAX_INTERVAL) > 0)) {
            throw invalid("grace", "must be between 0s and 7d");
        }
        Integration integration = authentication.admit(http, SourceType.HEARTBEAT, 1);
        Heartbeat.Beat beat = recordBeat.beat(integration.id(), integration.service(), name, expected, late);
        Heartbeat heartbeat = beat.heartbeat();
        return new BeatAnswer("ok", heartbeat.name(), heartbeat.interval(), heartbeat.grace(), heartbeat.dueAt(),
                beat.recovered());
    }

    private static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be a duration such as 5m, 30s or PT5M");
        }
    }

    private static ErrorResponseException invalid(String field, String message) {
        return InvalidField.of(field, message);
    }
}
