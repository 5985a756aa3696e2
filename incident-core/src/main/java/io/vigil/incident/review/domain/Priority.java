package io.vigil.incident.review.domain;

/** How urgent an action item is: {@code P0} (do now) to {@code P3} (when there is time). */
public enum Priority {
    P0, P1, P2, P3
}
