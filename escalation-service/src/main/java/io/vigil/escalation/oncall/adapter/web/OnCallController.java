package io.vigil.escalation.oncall.adapter.web;

import io.vigil.escalation.oncall.application.OnCallQueries;
import io.vigil.escalation.oncall.domain.Shift;
import io.vigil.escalation.oncall.domain.User;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who is on call" for a schedule or a service, and a schedule's calendar. */
@RestController
class OnCallController {

    private static final Duration LONGEST_CALENDAR = Duration.ofDays(366);

    /** Who a schedule has on call at a moment; {@code user} is null when nobody is. */
    record ScheduleOnCall(String scheduleId, Instant at, OnCallUser user) {
    }

    /** A person as the on-call answers show them. */
    record OnCallUser(String id, String name, String email, String timeZone, String slack) {

        static OnCallUser of(User user) {
            return new OnCallUser(user.id(), user.name(), user.email(), user.timeZone().getId(), user.slack());
        }
    }

    record Shifts(String scheduleId, Instant from, Instant to, List<Shift> shifts) {
    }

    private final OnCallQueries queries;
    private final Clock clock;

    OnCallController(OnCallQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/v1/schedules/{id}/on-call")
    ScheduleOnCall onCall(@PathVariable String id, @RequestParam(required = false) Instant at) {
        queries.schedule(id).orElseThrow(() -> new ResourceNotFound("schedule", id));
        Instant when = at == null ? clock.instant() : at;
        return new ScheduleOnCall(id, when, queries.onCall(id, when).map(OnCallUser::of).orElse(null));
    }

    @GetMapping("/v1/schedules/{id}/shifts")
    Shifts shifts(@PathVariable String id, @RequestParam Instant from, @RequestParam Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_CALENDAR) > 0) {
            ErrorResponseException error = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            error.getBody().setDetail("'to' must be after 'from' and at most 366 days later");
            throw error;
        }
        return new Shifts(id, from, to,
                queries.shifts(id, from, to).orElseThrow(() -> new ResourceNotFound("schedule", id)));
    }

    @GetMapping("/v1/on-call")
    OnCallQueries.ServiceOnCall forService(@RequestParam String service, @RequestParam(required = false) Instant at) {
        return queries.forService(service, at == null ? clock.instant() : at)
                .orElseThrow(() -> new ResourceNotFound("escalation policy for service", service));
    }
}
