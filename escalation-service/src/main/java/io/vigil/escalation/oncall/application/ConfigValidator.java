package io.vigil.escalation.oncall.application;

import io.vigil.escalation.oncall.application.ConfigDocument.LayerSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.LevelSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.OverrideSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.PolicySpec;
import io.vigil.escalation.oncall.application.ConfigDocument.RestrictionSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.ScheduleSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.TargetSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.TeamSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.UserSpec;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.escalation.oncall.domain.Layer;
import io.vigil.escalation.oncall.domain.OnCallDirectory;
import io.vigil.escalation.oncall.domain.ScheduleOverride;
import io.vigil.escalation.oncall.domain.Restriction;
import io.vigil.escalation.oncall.domain.Rotation;
import io.vigil.escalation.oncall.domain.Schedule;
import io.vigil.escalation.oncall.domain.Target;
import io.vigil.escalation.oncall.domain.Team;
import io.vigil.escalation.oncall.domain.User;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a whole configuration document and builds the {@link OnCallDirectory} it describes. Every problem is
 * reported, each with its path; a directory is built only from a document without any.
 */
public final class ConfigValidator {

    private static final Pattern SHORT_DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigValidator() {
    }

    /**
     * @throws InvalidConfiguration listing every problem when the document is not valid
     */
    public static OnCallDirectory validate(ConfigDocument document) {
        ConfigValidator validator = new ConfigValidator();
        OnCallDirectory directory = validator.build(document);
        if (!validator.problems.isEmpty()) {
            throw new InvalidConfiguration(validator.problems);
        }
        return directory;
    }

    private OnCallDirectory build(ConfigDocument document) {
        Set<String> seenUsers = new HashSet<>();
        Set<String> seenTeams = new HashSet<>();
        Set<String> seenSchedules = new HashSet<>();
        Set<String> seenPolicies = new HashSet<>();
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < document.users().size(); i++) {
            UserSpec spec = document.users().get(i);
            String path = "users[" + i + "]";
            if (unique(spec.id(), path + ".id", seenUsers) && required(spec.email(), path + ".email")) {
                ZoneId zone = zone(spec.timeZone(), path + ".timeZone");
                if (zone != null) {
                    users.put(spec.id(), new User(spec.id(), spec.name() == null ? spec.id() : spec.name(),
                            spec.email(), zone, spec.slack()));
                }
            }
        }
        Set<String> userIds = idsOf(document.users(), UserSpec::id);
        Map<String, Team> teams = new LinkedHashMap<>();
        for (int i = 0; i < document.teams().size(); i++) {
            TeamSpec spec = document.teams().get(i);
            String path = "teams[" + i + "]";
            if (!unique(spec.id(), path + ".id", seenTeams)) {
                continue;
            }
            List<Team.Member> members = new ArrayList<>();
            List<ConfigDocument.MemberSpec> memberSpecs = spec.members() == null ? List.of() : spec.members();
            for (int m = 0; m < memberSpecs.size(); m++) {
                String user = memberSpecs.get(m).user();
                if (known(user, path + ".members[" + m + "].user", userIds, "user")) {
                    members.add(new Team.Member(user, memberSpecs.get(m).role()));
                }
            }
            teams.put(spec.id(), new Team(spec.id(), spec.name() == null ? spec.id() : spec.name(), members));
        }
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        for (int i = 0; i < document.schedules().size(); i++) {
            ScheduleSpec spec = document.schedules().get(i);
            String path = "schedules[" + i + "]";
            if (!unique(spec.id(), path + ".id", seenSchedules)) {
                continue;
            }
            ZoneId zone = zone(spec.timeZone(), path + ".timeZone");
            List<Layer> layers = new ArrayList<>();
            List<LayerSpec> layerSpecs = spec.layers() == null ? List.of() : spec.layers();
            for (int l = 0; l < layerSpecs.size(); l++) {
                Layer layer = layer(layerSpecs.get(l), path + ".layers[" + l + "]", userIds);
                if (layer != null) {
                    layers.add(layer);
                }
            }
            List<ScheduleOverride> overrides = new ArrayList<>();
            List<OverrideSpec> overrideSpecs = spec.overrides() == null ? List.of() : spec.overrides();
            for (int o = 0; o < overrideSpecs.size(); o++) {
                String overridePath = path + ".overrides[" + o + "]";
                ScheduleOverride override = override(overrideSpecs.get(o), overridePath, userIds);
                if (override != null) {
                    for (ScheduleOverride earlier : overrides) {
                        if (earlier.overlaps(override)) {
                            problem(overridePath, "overlaps another override of this schedule ("
                                    + earlier.userId() + " " + earlier.from() + " to " + earlier.to() + ")");
                        }
                    }
                    overrides.add(override);
                }
            }
            if (zone != null) {
                schedules.put(spec.id(), new Schedule(spec.id(), spec.name() == null ? spec.id() : spec.name(), zone,
                        layers, overrides));
            }
        }
        Set<String> teamIds = idsOf(document.teams(), TeamSpec::id);
        Set<String> scheduleIds = idsOf(document.schedules(), ScheduleSpec::id);
        Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
        for (int i = 0; i < document.policies().size(); i++) {
            PolicySpec spec = document.policies().get(i);
            String path = "policies[" + i + "]";
            if (!unique(spec.id(), path + ".id", seenPolicies)) {
                continue;
            }
            int repeat = spec.repeat() == null ? 0 : spec.repeat();
            if (repeat < 0) {
                problem(path + ".repeat", "must be 0 or more");
            }
            List<LevelSpec> levelSpecs = spec.levels() == null ? List.of() : spec.levels();
            if (levelSpecs.isEmpty()) {
                problem(path + ".levels", "a policy needs at least one level");
            }
            List<EscalationPolicy.Level> levels = new ArrayList<>();
            for (int l = 0; l < levelSpecs.size(); l++) {
                EscalationPolicy.Level level = level(levelSpecs.get(l), path + ".levels[" + l + "]", userIds, teamIds,
                        scheduleIds);
                if (level != null) {
                    levels.add(level);
                }
            }
            if (repeat >= 0 && !levels.isEmpty() && levels.size() == levelSpecs.size()) {
                policies.put(spec.id(), new EscalationPolicy(spec.id(), spec.name() == null ? spec.id() : spec.name(),
                        levels, repeat));
            }
        }
        Set<String> policyIds = idsOf(document.policies(), PolicySpec::id);
        for (Map.Entry<String, String> service : new TreeMap<>(document.services()).entrySet()) {
            known(service.getValue(), "services." + service.getKey(), policyIds, "policy");
        }
        OnCallDirectory.LowUrgency lowUrgency = OnCallDirectory.LowUrgency.FIRST_LEVEL;
        if (document.lowUrgency() != null) {
            switch (document.lowUrgency()) {
                case "first-level" -> lowUrgency = OnCallDirectory.LowUrgency.FIRST_LEVEL;
                case "escalate" -> lowUrgency = OnCallDirectory.LowUrgency.ESCALATE;
                default -> problem("lowUrgency", "must be first-level or escalate");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new OnCallDirectory(users, teams, schedules, policies, document.services(), lowUrgency);
    }

    private Layer layer(LayerSpec spec, String path, Set<String> userIds) {
        int before = problems.size();
        Rotation rotation = null;
        String kind = spec.rotation() == null ? "" : spec.rotation().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "daily" -> rotation = Rotation.daily();
            case "weekly" -> rotation = Rotation.weekly();
            case "hours" -> {
                if (spec.hours() == null || spec.hours() < 1) {
                    problem(path + ".hours", "an hours rotation needs hours of 1 or more");
                } else {
                    rotation = Rotation.everyHours(spec.hours());
                }
            }
            default -> problem(path + ".rotation", "must be daily, weekly or hours");
        }
        LocalDate start = parse(spec.start(), path + ".start", LocalDate::parse, "a date like 2026-01-05");
        LocalTime handoff = parse(spec.handoff(), path + ".handoff", LocalTime::parse, "a time like 09:00");
        List<String> participants = spec.participants() == null ? List.of() : spec.participants();
        if (participants.isEmpty()) {
            problem(path + ".participants", "a layer needs at least one participant");
        }
        for (int p = 0; p < participants.size(); p++) {
            known(participants.get(p), path + ".participants[" + p + "]", userIds, "user");
        }
        List<Restriction> restrictions = new ArrayList<>();
        List<RestrictionSpec> restrictionSpecs = spec.restrictions() == null ? List.of() : spec.restrictions();
        for (int r = 0; r < restrictionSpecs.size(); r++) {
            RestrictionSpec restriction = restrictionSpecs.get(r);
            String restrictionPath = path + ".restrictions[" + r + "]";
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            List<String> daySpecs = restriction.days() == null ? List.of() : restriction.days();
            for (int d = 0; d < daySpecs.size(); d++) {
                DayOfWeek day = parse(daySpecs.get(d), restrictionPath + ".days[" + d + "]",
                        text -> DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT)), "a day like MONDAY");
                if (day != null) {
                    days.add(day);
                }
            }
            LocalTime from = parse(restriction.from(), restrictionPath + ".from", LocalTime::parse, "a time like 09:00");
            LocalTime to = parse(restriction.to(), restrictionPath + ".to", LocalTime::parse, "a time like 17:00");
            if (from != null && to != null) {
                restrictions.add(new Restriction(days, from, to));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Layer(spec.name(), rotation, start, handoff, participants, restrictions);
    }

    private ScheduleOverride override(OverrideSpec spec, String path, Set<String> userIds) {
        boolean userKnown = known(spec.user(), path + ".user", userIds, "user");
        Instant from = parse(spec.from(), path + ".from", Instant::parse, "an instant like 2026-03-01T08:00:00Z");
        Instant to = parse(spec.to(), path + ".to", Instant::parse, "an instant like 2026-03-01T20:00:00Z");
        if (from != null && to != null && !to.isAfter(from)) {
            problem(path + ".to", "must be after from");
            return null;
        }
        return userKnown && from != null && to != null ? new ScheduleOverride(spec.user(), from, to) : null;
    }

    private EscalationPolicy.Level level(LevelSpec spec, String path, Set<String> userIds, Set<String> teamIds,
            Set<String> scheduleIds) {
        int before = problems.size();
        Duration delay = spec.delay() == null ? Duration.ZERO
                : parse(spec.delay(), path + ".delay", ConfigValidator::duration, "a duration like 5m or PT5M");
        if (delay != null && delay.isNegative()) {
            problem(path + ".delay", "must be 0 or more");
        }
        List<TargetSpec> targetSpecs = spec.targets() == null ? List.of() : spec.targets();
        if (targetSpecs.isEmpty()) {
            problem(path + ".targets", "a level needs at least one target");
        }
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < targetSpecs.size(); t++) {
            TargetSpec target = targetSpecs.get(t);
            String targetPath = path + ".targets[" + t + "]";
            int named = (target.user() != null ? 1 : 0) + (target.schedule() != null ? 1 : 0)
                    + (target.team() != null ? 1 : 0);
            if (named != 1) {
                problem(targetPath, "names exactly one of user, schedule or team");
            } else if (target.user() != null) {
                if (known(target.user(), targetPath + ".user", userIds, "user")) {
                    targets.add(new Target.UserTarget(target.user()));
                }
            } else if (target.schedule() != null) {
                if (known(target.schedule(), targetPath + ".schedule", scheduleIds, "schedule")) {
                    targets.add(new Target.ScheduleTarget(target.schedule()));
                }
            } else if (known(target.team(), targetPath + ".team", teamIds, "team")) {
                String mode = target.mode() == null ? "all" : target.mode();
                switch (mode) {
                    case "all" -> targets.add(new Target.TeamTarget(target.team(), Target.TeamMode.ALL));
                    case "round-robin" -> targets.add(new Target.TeamTarget(target.team(), Target.TeamMode.ROUND_ROBIN));
                    default -> problem(targetPath + ".mode", "must be all or round-robin");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new EscalationPolicy.Level(delay, targets);
    }

    /** {@code PT5M}, or a number with {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}. */
    static Duration duration(String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text.trim());
        if (!shortForm.matches()) {
            return Duration.parse(text.trim());
        }
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private ZoneId zone(String text, String path) {
        return parse(text, path, ZoneId::of, "an IANA time zone like Europe/London");
    }

    private <T> T parse(String text, String path, Function<String, T> parser, String expected) {
        if (!required(text, path)) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            problem(path, "'" + text + "' is not " + expected);
            return null;
        }
    }

    private boolean required(String value, String path) {
        if (value == null || value.isBlank()) {
            problem(path, "is required");
            return false;
        }
        return true;
    }

    private boolean unique(String id, String path, Set<String> seen) {
        if (!required(id, path)) {
            return false;
        }
        if (!seen.add(id)) {
            problem(path, "'" + id + "' is defined twice");
            return false;
        }
        return true;
    }

    private boolean known(String id, String path, Set<String> ids, String what) {
        if (!required(id, path)) {
            return false;
        }
        if (!ids.contains(id)) {
            problem(path, "unknown " + what + " '" + id + "'");
            return false;
        }
        return true;
    }

    private static <T> Set<String> idsOf(List<T> items, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }
}
