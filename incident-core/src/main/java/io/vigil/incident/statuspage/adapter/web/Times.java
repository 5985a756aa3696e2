package io.vigil.incident.statuspage.adapter.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a visitor reads them, in the page's time zone: {@code 23 Nov 2026, 21:40 UTC}. */
final class Times {

    private final DateTimeFormatter format;

    Times(ZoneId zone) {
        this.format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone);
    }

    String text(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
