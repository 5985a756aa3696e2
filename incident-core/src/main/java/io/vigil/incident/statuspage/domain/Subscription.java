package io.vigil.incident.statuspage.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Someone (an e-mail address) or something (a webhook URL) told of every public update. */
public record Subscription(UUID id, Channel channel, String address, Instant createdAt) {

    /** How a subscriber hears of updates; the labels are those notification-service knows. */
    public enum Channel {
        EMAIL, WEBHOOK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws InvalidStatusPageRequest naming {@code field} for another label */
        public static Channel fromLabel(String label, String field) {
            String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(channel -> channel.label().equals(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidStatusPageRequest(field, "must be email or webhook"));
        }
    }
}
