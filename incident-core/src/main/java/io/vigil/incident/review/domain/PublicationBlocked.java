package io.vigil.incident.review.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A review may not be published while action items of a blocking priority are open. */
public final class PublicationBlocked extends RuntimeException {

    private final List<ActionItem> openItems;

    public PublicationBlocked(List<ActionItem> openItems) {
        super("The review cannot be published while these action items are open: " + openItems.stream()
                .map(item -> "%s %s (%s)".formatted(item.priority(), item.title(), item.id()))
                .collect(Collectors.joining("; ")));
        this.openItems = List.copyOf(openItems);
    }

    public List<ActionItem> openItems() {
        return openItems;
    }
}
