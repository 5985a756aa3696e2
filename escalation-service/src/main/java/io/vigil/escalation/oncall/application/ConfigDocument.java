package io.vigil.escalation.oncall.application;

import java.util.List;
import java.util.Map;

/**
 * The escalation configuration as written in YAML or sent to {@code PUT /v1/config}: plain strings and lists, so a
 * mistake becomes a problem with its path (see {@link ConfigValidator}) rather than a parse error. The format is
 * documented in {@code docs/escalation.md}.
 *
 * @param services   service name to the id of its escalation policy
 * @param lowUrgency {@code first-level} (default: page level 1 once, do not escalate) or {@code escalate}
 */
public record ConfigDocument(List<UserSpec> users, List<TeamSpec> teams, List<ScheduleSpec> schedules,
        List<PolicySpec> policies, Map<String, String> services, String lowUrgency) {

    public ConfigDocument {
        users = users == null ? List.of() : List.copyOf(users);
        teams = teams == null ? List.of() : List.copyOf(teams);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        policies = policies == null ? List.of() : List.copyOf(policies);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    public static ConfigDocument empty() {
        return new ConfigDocument(null, null, null, null, null, null);
    }

    /**
     * @param timeZone IANA zone id
     * @param slack    Slack handle or member id, optional
     */
    public record UserSpec(String id, String name, String email, String timeZone, String slack) {
    }

    public record TeamSpec(String id, String name, List<MemberSpec> members) {
    }

    /**
     * @param role e.g. {@code lead} or {@code responder}; optional
     */
    public record MemberSpec(String user, String role) {
    }

    /**
     * @param layers bottom to top: the last layer with someone on call wins
     */
    public record ScheduleSpec(String id, String name, String timeZone, List<LayerSpec> layers,
            List<OverrideSpec> overrides) {
    }

    /**
     * @param rotation {@code daily}, {@code weekly} or {@code hours} (then {@code hours} is the shift length)
     * @param start    local date of the first handoff, {@code 2026-01-05}
     * @param handoff  local time of each handoff, {@code 09:00}
     */
    public record LayerSpec(String name, String rotation, Integer hours, String start, String handoff,
            List<String> participants, List<RestrictionSpec> restrictions) {
    }

    /**
     * @param days {@code MONDAY}…, empty for every day
     * @param from local time the window opens, {@code 09:00}
     * @param to   local time it closes; not after {@code from} means the next day
     */
    public record RestrictionSpec(List<String> days, String from, String to) {
    }

    /**
     * @param from ISO-8601 instant, {@code 2026-03-01T08:00:00Z}, inclusive
     * @param to   ISO-8601 instant, exclusive
     */
    public record OverrideSpec(String user, String from, String to) {
    }

    /**
     * @param repeat how many times the policy runs again after its last level; 0 when absent
     */
    public record PolicySpec(String id, String name, Integer repeat, List<LevelSpec> levels) {
    }

    /**
     * @param delay {@code PT5M} or {@code 5m}, {@code 30s}, {@code 1h}: how long before the next level
     */
    public record LevelSpec(String delay, List<TargetSpec> targets) {
    }

    /**
     * Exactly one of {@code user}, {@code schedule} and {@code team}.
     *
     * @param mode for a team: {@code all} (default) or {@code round-robin}
     */
    public record TargetSpec(String user, String schedule, String team, String mode) {
    }
}
