package io.vigil.incident.review.domain;

import io.vigil.incident.incident.domain.IncidentRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an incident's timeline by role instead of by name, so a review is about what happened and how the
 * system let it happen, not about who. A person appears as the role they held on the incident (the incident
 * commander, a tech lead…); anyone without a role as a responder. Pages and notification deliveries, whose
 * lines name the person paged, are told without the name. Components and the alert source stay as they are.
 */
public final class BlamelessTimeline {

    /** What a person without an incident role is called. */
    public static final String NEUTRAL_ROLE = "responder";

    private static final Pattern ROLE_CHANGE = Pattern.compile("^.+ is (no longer )?([a-z-]+) \\(by .*\\)$");
    private static final Pattern PAGE = Pattern.compile("^Paged .+? (\\(level \\d+, round \\d+\\).*)$");

    /**
     * A line as incident-core's timeline has it.
     *
     * @param actorKind {@code user}, {@code integration}, {@code system}, or {@code null} for the alert source
     * @param actorId   the person, integration or component
     */
    public record Line(Instant at, String kind, String summary, String actorKind, String actorId) {
    }

    private BlamelessTimeline() {
    }

    /**
     * @param roles the roles each person holds on the incident; a person with several appears as the first in
     *              {@link IncidentRole} order
     */
    public static List<TimelineLine> of(List<Line> lines, Map<String, ? extends Set<IncidentRole>> roles) {
        Map<String, IncidentRole> roleOf = new HashMap<>();
        roles.forEach((person, held) -> held.stream().min(Comparator.naturalOrder())
                .ifPresent(role -> roleOf.put(person, role)));
        Set<String> people = new LinkedHashSet<>(roleOf.keySet());
        lines.stream().filter(line -> "user".equals(line.actorKind()) && line.actorId() != null)
                .forEach(line -> people.add(line.actorId()));
        List<String> longestFirst = people.stream().filter(name -> !name.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<TimelineLine> told = new ArrayList<>(lines.size());
        for (Line line : lines) {
            told.add(new TimelineLine(line.at(), line.kind(), summary(line, longestFirst, roleOf),
                    actor(line, roleOf)));
        }
        return told;
    }

    /** How a role reads in a sentence: {@code the incident commander}, {@code a responder}. */
    public static String phrase(IncidentRole role) {
        String name = name(role);
        if (role != null && role.singleHolder()) {
            return "the " + name;
        }
        return (name.matches("^[aeiou].*") ? "an " : "a ") + name;
    }

    /** A role's plain name: {@code incident commander}, {@code subject matter expert}; {@code null} is a responder. */
    public static String name(IncidentRole role) {
        return role == null ? NEUTRAL_ROLE : role.label().replace('-', ' ');
    }

    private static String actor(Line line, Map<String, IncidentRole> roleOf) {
        if (line.actorKind() == null) {
            return "alert source";
        }
        if ("user".equals(line.actorKind())) {
            return name(roleOf.get(line.actorId()));
        }
        return line.actorId();
    }

    private static String summary(Line line, List<String> people, Map<String, IncidentRole> roleOf) {
        String kind = line.kind();
        String text = line.summary() == null ? "" : line.summary();
        if (kind.equals("role")) {
            Matcher change = ROLE_CHANGE.matcher(text);
            if (change.matches()) {
                String role = change.group(2).replace('-', ' ');
                return change.group(1) == null ? "Someone took the role of " + role
                        : "Someone handed back the role of " + role;
            }
        }
        if (kind.equals("paged")) {
            Matcher page = PAGE.matcher(text);
            return page.matches() ? "Paged the on-call responder " + page.group(1) : "Paged the on-call responder";
        }
        if (kind.startsWith("notification-")) {
            return "Notification to the on-call responder: " + kind.substring("notification-".length())
                    .replace('-', ' ');
        }
        for (String person : people) {
            Pattern mention = Pattern.compile("(?<![\\w.@-])" + Pattern.quote(person)
                    + "(?: \\([a-z-]+(?: via [^)]*)?\\))?(?![\\w@-])");
            text = mention.matcher(text).replaceAll(Matcher.quoteReplacement(phrase(roleOf.get(person))));
        }
        return text;
    }
}
