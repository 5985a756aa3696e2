package io.vigil.incident.review.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A review as a Markdown document a team pastes into its wiki: a heading per section, the impact as a table,
 * the timeline as a list and the action items as a table. Times are written in the given zone.
 */
public final class ReviewDocument {

    private static final String NOT_WRITTEN = "_Not written yet._";

    private ReviewDocument() {
    }

    public static String markdown(Review review, List<ActionItem> items, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
        StringBuilder md = new StringBuilder();
        md.append("# Post-incident review: #%d %s%n%n".formatted(review.incidentNumber(), inline(review.title())));
        md.append("| | |\n|---|---|\n");
        row(md, "Incident", "#" + review.incidentNumber());
        row(md, "Service", review.service());
        row(md, "Severity", String.valueOf(review.severity()));
        row(md, "Review state", review.state().label());
        if (review.publishedAt() != null) {
            row(md, "Published", time.format(review.publishedAt()));
        }
        md.append('\n');
        section(md, "Summary", review.findings().summary());

        Impact impact = review.impact();
        md.append("## Impact\n\n| | |\n|---|---|\n");
        row(md, "Started", impact.startedAt() == null ? "unknown" : time.format(impact.startedAt()));
        row(md, "Resolved", impact.endedAt() == null ? "unknown" : time.format(impact.endedAt()));
        row(md, "Duration", Impact.human(impact.duration()));
        row(md, "Services affected", impact.servicesAffected().isEmpty() ? "none named"
                : String.join(", ", impact.servicesAffected()));
        row(md, "Customers affected", impact.customersAffected() == null || impact.customersAffected().isBlank()
                ? "not stated" : impact.customersAffected());
        md.append('\n');

        md.append("## Timeline\n\n");
        if (review.timeline().isEmpty()) {
            md.append("_No timeline entries._\n");
        }
        for (TimelineLine line : review.timeline()) {
            md.append("- **%s** %s _(%s)_%n".formatted(time.format(line.at()), inline(line.summary()),
                    inline(line.actor())));
        }
        md.append('\n');
        section(md, "Root causes", review.findings().rootCauses());
        section(md, "Contributing factors", review.findings().contributingFactors());
        section(md, "What went well", review.findings().wentWell());
        section(md, "What went badly", review.findings().wentBadly());
        section(md, "Lessons", review.findings().lessons());

        md.append("## Action items\n\n");
        if (items.isEmpty()) {
            md.append("_No action items._\n");
        } else {
            md.append("| Priority | Action | Owner | Due | Status |\n|---|---|---|---|---|\n");
            for (ActionItem item : items) {
                md.append("| %s | %s | %s | %s | %s |%n".formatted(item.priority(), cell(item.title()),
                        cell(item.owner() == null ? "unassigned" : item.owner()),
                        item.dueDate() == null ? "-" : item.dueDate(), item.status().label()));
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String heading, String text) {
        md.append("## ").append(heading).append("\n\n")
                .append(text == null || text.isBlank() ? NOT_WRITTEN : text.strip()).append("\n\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| **%s** | %s |%n".formatted(name, cell(value)));
    }

    /** Table cells cannot hold line breaks or bare pipes. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
