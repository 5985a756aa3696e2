package io.vigil.incident.review.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a post-incident review is: written ({@code draft}), read by the team ({@code in_review}), and final
 * ({@code published}). A review in review can go back to draft for more work; a published one is final.
 */
public enum ReviewState {
    DRAFT, IN_REVIEW, PUBLISHED;

    /** The name in the API: lower case with an underscore ({@code in_review}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #label()} in any case, with a dash or an underscore. */
    public static ReviewState fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The states this one may move to. */
    public Set<ReviewState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(ReviewState.class);
        };
    }

    /** Findings may be written until the review is published. */
    public boolean editable() {
        return this != PUBLISHED;
    }
}
