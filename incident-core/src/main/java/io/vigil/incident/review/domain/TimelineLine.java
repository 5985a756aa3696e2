package io.vigil.incident.review.domain;

import java.time.Instant;

/**
 * One line of a review's timeline, blameless: it says what happened and in which role, never who.
 *
 * @param actor the role that acted ({@code incident commander}, {@code responder}), the component
 *              ({@code escalation-service}) or {@code alert source}
 */
public record TimelineLine(Instant at, String kind, String summary, String actor) {
}
