package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes envelopes as JSON, the wire format of every Kafka record between Vigil services.
 * Unknown fields are ignored so producers can add fields before consumers know them.
 */
public final class EnvelopeCodec {

    private final JsonMapper json;

    public EnvelopeCodec() {
        this.json = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public String encode(Envelope<?> envelope) {
        return json.writeValueAsString(envelope);
    }

    /**
     * @throws MalformedMessageException when the text is not an envelope of a known type and version
     */
    public Envelope<Message> decode(String text) {
        if (text == null) {
            throw new MalformedMessageException("record has no value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedMessageException("record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode node)) {
            throw new MalformedMessageException("record is not a JSON object");
        }
        String type = node.path("type").asString(null);
        if (type == null) {
            throw new MalformedMessageException("envelope has no type");
        }
        Optional<MessageCatalog.Entry> entry = MessageCatalog.entryFor(type);
        if (entry.isEmpty()) {
            throw new MalformedMessageException("unknown message type " + type);
        }
        int version = node.path("version").asInt(0);
        if (version != entry.get().version()) {
            throw new MalformedMessageException(
                    "%s version %d is not understood (expected %d)".formatted(type, version, entry.get().version()));
        }
        try {
            Message payload = json.treeToValue(node.get("payload"), entry.get().javaType());
            if (payload == null) {
                throw new MalformedMessageException(type + " envelope has no payload");
            }
            return new Envelope<>(
                    json.treeToValue(node.get("eventId"), java.util.UUID.class),
                    type,
                    version,
                    json.treeToValue(node.get("occurredAt"), java.time.Instant.class),
                    node.path("aggregateId").asString(null),
                    node.path("traceparent").asString(null),
                    payload);
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw new MalformedMessageException("%s envelope is invalid: %s".formatted(type, e.getMessage()), e);
        }
    }
}
