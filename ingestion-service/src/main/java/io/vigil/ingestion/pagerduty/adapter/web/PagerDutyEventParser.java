package io.vigil.ingestion.pagerduty.adapter.web;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.Image;
import io.vigil.contracts.Link;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a PagerDuty Events API v2 request body and checks it against the rules PagerDuty documents,
 * collecting every problem in PagerDuty's words rather than stopping at the first. {@code null} fields
 * count as absent (the Java client sends them), and {@code payload} is only read for triggers (clients send
 * placeholders on acknowledge and resolve).
 */
final class PagerDutyEventParser {

    static final int MAX_DEDUP_KEY = 255;
    static final int MAX_SUMMARY = 1024;
    static final int MAX_TEXT = 1024;
    static final int MAX_URL = 2048;
    static final int MAX_ATTACHMENTS = 100;
    static final int MAX_DEPTH = 64;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PagerDutyEventParser() {
    }

    /** @throws InvalidPagerDutyEvent listing every problem */
    static PagerDutyEvent parseEvent(byte[] body) {
        ObjectNode event = read(body);
        List<String> errors = new ArrayList<>();
        String routingKey = routingKey(event, errors);
        String action = text(event, "event_action", 32, errors);
        String dedupKey = text(event, "dedup_key", MAX_DEDUP_KEY, errors);
        if (action == null) {
            if (!errors.contains("'event_action' must be a string")) {
                errors.add("'event_action' is missing or blank");
            }
            throw new InvalidPagerDutyEvent(errors);
        }
        PagerDutyEvent parsed = switch (action) {
            case "trigger" -> trigger(event, routingKey, dedupKey, errors);
            case "acknowledge", "resolve" -> {
                if (dedupKey == null && !hasError(errors, "'dedup_key'")) {
                    errors.add("'dedup_key' is missing or blank (it is required to " + action + ")");
                }
                yield action.equals("acknowledge")
                        ? new PagerDutyEvent.Acknowledge(routingKey, dedupKey)
                        : new PagerDutyEvent.Resolve(routingKey, dedupKey);
            }
            default -> {
                errors.add("'event_action' must be one of trigger, acknowledge, resolve");
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidPagerDutyEvent(errors);
        }
        return parsed;
    }

    /** @throws InvalidPagerDutyEvent listing every problem */
    static PagerDutyEvent.Change parseChange(byte[] body) {
        ObjectNode event = read(body);
        List<String> errors = new ArrayList<>();
        String routingKey = routingKey(event, errors);
        ObjectNode payload = payload(event, errors);
        String summary = null;
        String source = null;
        Instant timestamp = null;
        Map<String, Object> details = null;
        if (payload != null) {
            summary = required(payload, "payload.summary", "summary", MAX_SUMMARY, errors);
            source = text(payload, "payload.source", "source", MAX_TEXT, errors);
            timestamp = timestamp(payload, errors);
            details = customDetails(payload);
        }
        List<Link> links = links(event, errors);
        if (!errors.isEmpty()) {
            throw new InvalidPagerDutyEvent(errors);
        }
        return new PagerDutyEvent.Change(routingKey, summary, source, timestamp, details, links);
    }

    private static PagerDutyEvent.Trigger trigger(ObjectNode event, String routingKey, String dedupKey,
            List<String> errors) {
        ObjectNode payload = payload(event, errors);
        String summary = null;
        String source = null;
        AlertSeverity severity = null;
        Instant timestamp = null;
        String component = null;
        String group = null;
        String eventClass = null;
        Map<String, Object> details = null;
        if (payload != null) {
            summary = required(payload, "payload.summary", "summary", MAX_SUMMARY, errors);
            source = required(payload, "payload.source", "source", MAX_TEXT, errors);
            severity = severity(payload, errors);
            timestamp = timestamp(payload, errors);
            component = text(payload, "payload.component", "component", MAX_TEXT, errors);
            group = text(payload, "payload.group", "group", MAX_TEXT, errors);
            eventClass = text(payload, "payload.class", "class", MAX_TEXT, errors);
            details = customDetails(payload);
        }
        List<Image> images = images(event, errors);
        List<Link> links = links(event, errors);
        String client = text(event, "client", MAX_TEXT, errors);
        String clientUrl = text(event, "client_url", MAX_URL, errors);
        return new PagerDutyEvent.Trigger(routingKey, dedupKey, summary, source, severity, timestamp, component,
                group, eventClass, details, images, links, client, clientUrl);
    }

    private static ObjectNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidPagerDutyEvent(List.of("The request body is empty; send a JSON event object"));
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidPagerDutyEvent(List.of("The request body is not valid UTF-8"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPagerDutyEvent(List.of("The request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidPagerDutyEvent(List.of("The request body must be a JSON object"));
        }
        return object;
    }

    private static String routingKey(ObjectNode event, List<String> errors) {
        String key = text(event, "routing_key", 255, errors);
        if (key == null && !hasError(errors, "'routing_key'")) {
            errors.add("'routing_key' is missing or blank");
        }
        return key;
    }

    private static ObjectNode payload(ObjectNode event, List<String> errors) {
        JsonNode payload = event.get("payload");
        if (payload == null || payload.isNull()) {
            errors.add("'payload' is missing");
            return null;
        }
        if (!(payload instanceof ObjectNode object)) {
            errors.add("'payload' must be an object");
            return null;
        }
        return object;
    }

    private static String required(ObjectNode node, String path, String field, int max, List<String> errors) {
        String value = text(node, path, field, max, errors);
        if (value == null && !hasError(errors, "'" + path + "'")) {
            errors.add("'%s' is missing or blank".formatted(path));
        }
        return value;
    }

    private static String text(ObjectNode node, String field, int max, List<String> errors) {
        return text(node, field, field, max, errors);
    }

    /** The string value of {@code field}, or {@code null} when absent, {@code null} or blank. */
    private static String text(ObjectNode node, String path, String field, int max, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add("'%s' must be a string".formatted(path));
            return null;
        }
        String text = value.asString();
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            errors.add("'%s' is longer than %d characters".formatted(path, max));
            return null;
        }
        return text;
    }

    private static AlertSeverity severity(ObjectNode payload, List<String> errors) {
        String severity = required(payload, "payload.severity", "severity", 32, errors);
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case "critical" -> AlertSeverity.CRITICAL;
            case "error" -> AlertSeverity.ERROR;
            case "warning" -> AlertSeverity.WARNING;
            case "info" -> AlertSeverity.INFO;
            default -> {
                errors.add("'payload.severity' must be one of critical, error, warning, info");
                yield null;
            }
        };
    }

    /** ISO 8601 with a time zone or offset; anything else would be guessed at, so it is refused. */
    private static Instant timestamp(ObjectNode payload, List<String> errors) {
        String text = text(payload, "payload.timestamp", "timestamp", 64, errors);
        if (text == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.isBefore(Instant.parse("1970-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                errors.add("'payload.timestamp' is out of range");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add("'payload.timestamp' must be an ISO 8601 date-time with a time zone, "
                    + "e.g. 2026-01-02T03:04:05.678+01:00");
            return null;
        }
    }

    /** Any JSON; an object is kept as it is, anything else under the key {@code details}. */
    private static Map<String, Object> customDetails(ObjectNode payload) {
        JsonNode details = payload.get("custom_details");
        if (details == null || details.isNull()) {
            return null;
        }
        if (details instanceof ObjectNode object) {
            return JSON.convertValue(object, MAP_TYPE);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("details", JSON.convertValue(details, Object.class));
        return wrapped;
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP_TYPE =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private static List<Image> images(ObjectNode event, List<String> errors) {
        List<JsonNode> entries = array(event, "images", errors);
        if (entries == null) {
            return null;
        }
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ObjectNode image)) {
                errors.add("'images[%d]' must be an object".formatted(i));
                continue;
            }
            String path = "images[%d]".formatted(i);
            String src = required(image, path + ".src", "src", MAX_URL, errors);
            images.add(new Image(src, text(image, path + ".href", "href", MAX_URL, errors),
                    text(image, path + ".alt", "alt", MAX_TEXT, errors)));
        }
        return images;
    }

    private static List<Link> links(ObjectNode event, List<String> errors) {
        List<JsonNode> entries = array(event, "links", errors);
        if (entries == null) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ObjectNode link)) {
                errors.add("'links[%d]' must be an object".formatted(i));
                continue;
            }
            String path = "links[%d]".formatted(i);
            String href = required(link, path + ".href", "href", MAX_URL, errors);
            links.add(new Link(href, text(link, path + ".text", "text", MAX_TEXT, errors)));
        }
        return links;
    }

    private static List<JsonNode> array(ObjectNode event, String field, List<String> errors) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add("'%s' must be an array".formatted(field));
            return null;
        }
        if (value.size() > MAX_ATTACHMENTS) {
            errors.add("'%s' has more than %d entries".formatted(field, MAX_ATTACHMENTS));
            return null;
        }
        List<JsonNode> entries = new ArrayList<>();
        value.forEach(entries::add);
        return entries;
    }

    private static boolean hasError(List<String> errors, String prefix) {
        return errors.stream().anyMatch(error -> error.startsWith(prefix));
    }
}
