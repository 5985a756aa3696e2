package io.vigil.notification.contact.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way to reach one person.
 *
 * @param id      the method's id, unique per user ({@code slack-dm}, {@code phone})
 * @param channel how
 * @param address a Slack member or channel id, an E.164 number, an e-mail address or an https URL
 * @param secret  the signing secret of a webhook, else {@code null}
 */
public record ContactMethod(String id, Channel channel, String address, String secret) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern SLACK = Pattern.compile("^[A-Za-z0-9#@._-]{1,80}$");

    public ContactMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
    }

    /** What is wrong with this method, each as a message; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id.isBlank()) {
            problems.add("id must not be blank");
        }
        switch (channel) {
            case SMS, VOICE -> {
                if (!E164.matcher(address).matches()) {
                    problems.add("address must be an E.164 number such as +447700900123");
                }
            }
            case EMAIL -> {
                if (!EMAIL.matcher(address).matches()) {
                    problems.add("address must be an e-mail address");
                }
            }
            case SLACK -> {
                if (!SLACK.matcher(address).matches()) {
                    problems.add("address must be a Slack member or channel id");
                }
            }
            case WEBHOOK -> {
                if (!isHttpUrl(address)) {
                    problems.add("address must be an http or https URL");
                }
                if (secret == null || secret.length() < 16) {
                    problems.add("secret must have at least 16 characters");
                }
            }
            case NONE -> problems.add("channel must be slack, sms, voice, email or webhook");
        }
        return problems;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
