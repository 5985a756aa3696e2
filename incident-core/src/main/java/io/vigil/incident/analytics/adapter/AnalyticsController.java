package io.vigil.incident.analytics.adapter;

import io.vigil.incident.analytics.application.ResponseTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Response-time reports: mean, p50, p90 and p95 of time to acknowledge and to resolve. */
@RestController
@RequestMapping("/v1/analytics")
class AnalyticsController {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private final ResponseTimes responseTimes;
    private final Clock clock;

    AnalyticsController(ResponseTimes responseTimes, Clock clock) {
        this.responseTimes = responseTimes;
        this.clock = clock;
    }

    /** Incidents opened in {@code [from, to)}; the last 30 days when not given. */
    @GetMapping("/response-times")
    @Transactional(readOnly = true)
    ResponseTimes.Report responseTimes(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' must be before 'to'");
        }
        String sev = severity == null ? null : severity.strip().toUpperCase(Locale.ROOT);
        if (sev != null && !sev.matches("SEV[1-5]")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'severity' must be one of SEV1 to SEV5");
        }
        return responseTimes.over(new ResponseTimes.Window(start, end, service, sev));
    }
}
