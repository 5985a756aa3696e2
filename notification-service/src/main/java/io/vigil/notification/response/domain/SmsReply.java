package io.vigil.notification.response.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person texted back to a page: {@code 4 1042} or {@code ack 1042} acknowledges incident #1042,
 * {@code 6 1042} or {@code resolve 1042} resolves it; without a number the reply is about the last page sent to
 * that phone.
 *
 * @param acknowledge    {@code true} to acknowledge, {@code false} to resolve
 * @param incidentNumber the incident's short number, when given
 */
public record SmsReply(boolean acknowledge, OptionalLong incidentNumber) {

    private static final Pattern REPLY = Pattern.compile(
            "^\\s*(4|ack|acknowledge|6|res|resolve)\\b\\s*#?\\s*([0-9]{1,18})?\\s*[.!]?\\s*$");

    public static Optional<SmsReply> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = REPLY.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean acknowledge = switch (matcher.group(1)) {
            case "4", "ack", "acknowledge" -> true;
            default -> false;
        };
        OptionalLong number = matcher.group(2) == null ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(matcher.group(2)));
        return Optional.of(new SmsReply(acknowledge, number));
    }
}
