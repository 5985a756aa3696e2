package io.vigil.incident.review.domain;

/**
 * What the team learned, in its own words (Markdown allowed). Every field is free text and may be empty.
 *
 * @param summary             what happened, in a few sentences; pre-filled from the incident
 * @param rootCauses          why it happened
 * @param contributingFactors what made it more likely, longer or worse
 * @param wentWell            what helped
 * @param wentBadly           what got in the way
 * @param lessons             what the team takes away
 */
public record Findings(String summary, String rootCauses, String contributingFactors, String wentWell,
        String wentBadly, String lessons) {

    /** Replaces each field given; {@code null} keeps the current text. */
    public Findings with(Findings changes) {
        return new Findings(pick(changes.summary, summary), pick(changes.rootCauses, rootCauses),
                pick(changes.contributingFactors, contributingFactors), pick(changes.wentWell, wentWell),
                pick(changes.wentBadly, wentBadly), pick(changes.lessons, lessons));
    }

    private static String pick(String change, String current) {
        return change == null ? current : change;
    }
}
