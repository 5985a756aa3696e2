package io.vigil.ingestion.alert.adapter.web;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventSerializationException;
import io.cloudevents.rw.CloudEventDataMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents 1.0 JSON event format ({@code application/cloudevents+json}) on Jackson 3, for the SDK's
 * structured mode: the SDK's own JSON format needs Jackson 2 and its Spring module does not run on Spring 7.
 */
final class CloudEventsJsonFormat implements EventFormat {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type",
            "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(CloudEvent event) throws EventSerializationException {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", event.getSpecVersion().toString());
        node.put("id", event.getId());
        node.put("source", event.getSource().toString());
        node.put("type", event.getType());
        if (event.getDataContentType() != null) {
            node.put("datacontenttype", event.getDataContentType());
        }
        if (event.getDataSchema() != null) {
            node.put("dataschema", event.getDataSchema().toString());
        }
        if (event.getSubject() != null) {
            node.put("subject", event.getSubject());
        }
        if (event.getTime() != null) {
            node.put("time", event.getTime().toString());
        }
        for (String name : event.getExtensionNames()) {
            node.put(name, String.valueOf(event.getExtension(name)));
        }
        if (event.getData() != null) {
            byte[] data = event.getData().toBytes();
            try {
                node.set("data", json.readTree(data));
            } catch (JacksonException e) {
                node.put("data_base64", Base64.getEncoder().encodeToString(data));
            }
        }
        return json.writeValueAsBytes(node);
    }

    @Override
    public CloudEvent deserialize(byte[] bytes, CloudEventDataMapper<? extends CloudEventData> mapper)
            throws EventDeserializationException {
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new EventDeserializationException(new IllegalArgumentException(
                    "the event is not valid JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode event)) {
            throw new EventDeserializationException(new IllegalArgumentException("the event must be a JSON object"));
        }
        if (!"1.0".equals(text(event, "specversion"))) {
            throw new EventDeserializationException(new IllegalArgumentException(
                    "'specversion' must be 1.0"));
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(text(event, "id"))
                    .withType(text(event, "type"))
                    .withDataContentType(text(event, "datacontenttype"))
                    .withSubject(text(event, "subject"));
            String source = text(event, "source");
            if (source != null) {
                builder.withSource(URI.create(source));
            }
            String schema = text(event, "dataschema");
            if (schema != null) {
                builder.withDataSchema(URI.create(schema));
            }
            String time = text(event, "time");
            if (time != null) {
                builder.withTime(OffsetDateTime.parse(time));
            }
            for (Map.Entry<String, JsonNode> attribute : event.properties()) {
                if (!CONTEXT_ATTRIBUTES.contains(attribute.getKey()) && attribute.getValue().isValueNode()
                        && !attribute.getValue().isNull()) {
                    builder.withExtension(attribute.getKey(), attribute.getValue().asString());
                }
            }
            if (event.hasNonNull("data_base64")) {
                builder.withData(Base64.getDecoder().decode(event.get("data_base64").asString()));
            } else if (event.has("data")) {
                JsonNode data = event.get("data");
                builder.withData(data.isString() && !isJson(text(event, "datacontenttype"))
                        ? data.asString().getBytes(StandardCharsets.UTF_8)
                        : json.writeValueAsBytes(data));
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public Set<String> deserializableContentTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public String serializedContentType() {
        return CONTENT_TYPE;
    }

    static boolean isJson(String contentType) {
        return contentType == null || contentType.startsWith("application/json") || contentType.contains("+json");
    }

    private static String text(ObjectNode event, String name) {
        JsonNode value = event.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new EventDeserializationException(new IllegalArgumentException("'" + name + "' must be a string"));
        }
        return value.asString();
    }
}
