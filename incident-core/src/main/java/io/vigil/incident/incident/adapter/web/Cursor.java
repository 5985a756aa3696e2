package io.vigil.incident.incident.adapter.web;

import io.vigil.incident.incident.application.IncidentQuery;
import io.vigil.starter.web.InvalidField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque {@code cursor} of the incident list: where the previous page ended. */
final class Cursor {

    private Cursor() {
    }

    static String encode(IncidentQuery.Position position) {
        String plain = "%d.%d:%d".formatted(position.openedAt().getEpochSecond(), position.openedAt().getNano(),
                position.number());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static IncidentQuery.Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int dot = plain.indexOf('.');
            int colon = plain.indexOf(':');
            Instant openedAt = Instant.ofEpochSecond(Long.parseLong(plain.substring(0, dot)),
                    Long.parseLong(plain.substring(dot + 1, colon)));
            return new IncidentQuery.Position(openedAt, Long.parseLong(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw InvalidField.of("cursor", "is not a cursor this API gave out");
        }
    }
}
