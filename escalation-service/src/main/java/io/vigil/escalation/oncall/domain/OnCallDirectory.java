package io.vigil.escalation.oncall.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything escalation is configured with, consistent as a whole: users, teams, schedules, policies and which
 * policy each service uses. Built only from a validated document, so every id it holds resolves.
 *
 * @param services     service name to policy id
 * @param lowUrgency   what a low-urgency incident gets
 */
public record OnCallDirectory(Map<String, User> users, Map<String, Team> teams, Map<String, Schedule> schedules,
        Map<String, EscalationPolicy> policies, Map<String, String> services, LowUrgency lowUrgency) {

    /** {@code FIRST_LEVEL}: level 1 is paged once, without escalating; {@code ESCALATE}: as high urgency. */
    public enum LowUrgency { FIRST_LEVEL, ESCALATE }

    public OnCallDirectory {
        users = Map.copyOf(users);
        teams = Map.copyOf(teams);
        schedules = Map.copyOf(schedules);
        policies = Map.copyOf(policies);
        services = Map.copyOf(services);
    }

    public static OnCallDirectory empty() {
        return new OnCallDirectory(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), LowUrgency.FIRST_LEVEL);
    }

    public static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Optional<EscalationPolicy> policyFor(String service) {
        return Optional.ofNullable(services.get(service)).map(policies::get);
    }

    /**
     * Whom {@code level} pages at {@code at}, each person once, in the order of the level's targets. Empty when
     * every target has nobody on call.
     *
     * @param turn moves round-robin team targets on: the incident number plus the round
     */
    public List<Page> pages(EscalationPolicy.Level level, Instant at, long turn) {
        Map<String, Page> pages = new LinkedHashMap<>();
        for (Target target : level.targets()) {
            List<String> userIds = switch (target) {
                case Target.UserTarget user -> List.of(user.userId());
                case Target.ScheduleTarget schedule ->
                        schedules.get(schedule.scheduleId()).onCall(at).map(List::of).orElse(List.of());
                case Target.TeamTarget team -> members(teams.get(team.teamId()), team.mode(), turn);
            };
            for (String userId : userIds) {
                User user = users.get(userId);
                if (user != null) {
                    pages.putIfAbsent(userId, new Page(user, target.reason()));
                }
            }
        }
        return new ArrayList<>(pages.values());
    }

    private static List<String> members(Team team, Target.TeamMode mode, long turn) {
        List<String> ids = team.userIds();
        if (ids.isEmpty() || mode == Target.TeamMode.ALL) {
            return ids;
        }
        return List.of(ids.get((int) Math.floorMod(turn, ids.size())));
    }
}
