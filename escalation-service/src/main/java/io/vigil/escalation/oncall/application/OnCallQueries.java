package io.vigil.escalation.oncall.application;

import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.escalation.oncall.domain.OnCallDirectory;
import io.vigil.escalation.oncall.domain.Page;
import io.vigil.escalation.oncall.domain.Schedule;
import io.vigil.escalation.oncall.domain.Shift;
import io.vigil.escalation.oncall.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Answers "who is on call": for a schedule, for a service's policy, and as a calendar of shifts. */
@Service
public class OnCallQueries {

    /** Who level {@code level} of a service's policy would page at a moment. */
    public record LevelOnCall(int level, List<Page> pages) {
    }

    /** A service's policy and who each of its levels pages. */
    public record ServiceOnCall(String service, String policyId, Instant at, List<LevelOnCall> levels) {
    }

    private final CurrentDirectory directory;

    public OnCallQueries(CurrentDirectory directory) {
        this.directory = directory;
    }

    public Optional<Schedule> schedule(String scheduleId) {
        return Optional.ofNullable(directory.directory().schedules().get(scheduleId));
    }

    /** The user a schedule has on call at {@code at}; empty when nobody is (or the schedule is unknown). */
    public Optional<User> onCall(String scheduleId, Instant at) {
        OnCallDirectory current = directory.directory();
        return schedule(scheduleId).flatMap(s -> s.onCall(at)).map(current.users()::get);
    }

    public Optional<List<Shift>> shifts(String scheduleId, Instant from, Instant to) {
        return schedule(scheduleId).map(s -> s.shifts(from, to));
    }

    /** Empty when the service has no policy. Round-robin teams are shown for round 1 of incident number 0. */
    public Optional<ServiceOnCall> forService(String service, Instant at) {
        OnCallDirectory current = directory.directory();
        return current.policyFor(service).map(policy -> {
            List<LevelOnCall> levels = new ArrayList<>();
            for (int level = 1; level <= policy.levels().size(); level++) {
                EscalationPolicy.Level configured = policy.level(level);
                levels.add(new LevelOnCall(level, current.pages(configured, at, 0)));
            }
            return new ServiceOnCall(service, policy.id(), at, levels);
        });
    }
}
