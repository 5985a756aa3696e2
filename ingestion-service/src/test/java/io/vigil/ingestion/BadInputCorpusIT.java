package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated corpus of bad requests (malformed JSON, wrong content types, oversized and non-UTF-8 bodies,
 * missing, unknown, disabled and foreign keys, missing, over-long and wrongly typed fields, wrong enum values,
 * deep nesting, odd timestamps) thrown at every door. Each must get a 4xx that names the problem, in
 * PagerDuty's shape on PagerDuty's endpoints and as a problem document elsewhere, and none may put anything
 * on Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT extends IntakeTestSupport {

    private static final String EVENTS = "/v2/enqueue";
    private static final String CHANGES = "/v2/change/enqueue";
    private static final String WEBHOOK = "/api/v1/integrations/alertmanager";
    private static final String GENERIC = "/v1/alerts";
    private static final String CLOUDEVENTS = "/v1/cloudevents";
    private static final String HEARTBEATS = "/v1/heartbeats/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Placeholders in the corpus, replaced by real keys when sent. */
    private static final String PD_KEY = "@pagerduty-key@";
    private static final String AM_KEY = "@alertmanager-key@";
    private static final String GENERIC_KEY = "@generic-key@";
    private static final String CE_KEY = "@cloudevents-key@";
    private static final String HEARTBEAT_KEY = "@heartbeat-key@";
    private static final String DISABLED_PD_KEY = "@disabled-pagerduty-key@";
    private static final String DISABLED_KEY = "@disabled-key@";

    /** One bad request and a word its refusal must contain ({@code null}: any explanation). */
    record Bad(String name, String path, Map<String, String> headers, byte[] body, String mustName, boolean chunked) {

        @Override
        public String toString() {
            return path + " " + name;
        }
    }

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<Integer> statuses = new ArrayList<>();
    private TopicRecorder alerts;
    private TopicRecorder commands;
    private TopicRecorder changes;

    @BeforeAll
    void prepare() {
        keys.put(PD_KEY, SEEDED.key("pagerduty"));
        keys.put(AM_KEY, SEEDED.key("alertmanager"));
        keys.put(GENERIC_KEY, SEEDED.key("generic"));
        keys.put(CE_KEY, SEEDED.key("cloudevents"));
        keys.put(HEARTBEAT_KEY, SEEDED.key("heartbeat"));
        keys.put(DISABLED_PD_KEY, disabledKey("pagerduty"));
        keys.put(DISABLED_KEY, disabledKey("alertmanager"));
        String bootstrap = INFRA.kafka().bootstrapServers();
        alerts = TopicRecorder.record(bootstrap, Topics.ALERTS);
        commands = TopicRecorder.record(bootstrap, Topics.INCIDENT_COMMANDS);
        changes = TopicRecorder.record(bootstrap, Topics.CHANGE_EVENTS);
    }

    @AfterAll
    void stopRecording() {
        alerts.close();
        commands.close();
        changes.close();
    }

    private String disabledKey(String type) {
        JsonNode created = json.readTree(client().postJson("/v1/integrations", TestTokens.ADMIN, """
                {"name": "disabled-%s-%s", "type": "%s", "service": "%s"}"""
                .formatted(type, UUID.randomUUID(), type, SEEDED.service(type))).body());
        client().postJson("/v1/integrations/" + created.get("id").asString() + "/disable", TestTokens.ADMIN, "");
        return created.get("key").asString();
    }

    // ----------------------------------------------------------------- valid bases, one per door

    static ObjectNode trigger() {
        return (ObjectNode) JSON.readTree("""
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "corpus",
                 "payload": {"summary": "corpus", "source": "corpus-host", "severity": "error",
                             "timestamp": "2026-11-23T10:00:00Z", "component": "c", "group": "g", "class": "k",
                             "custom_details": {"a": 1}},
                 "images": [{"src": "http://i/1.png", "href": "http://i/1", "alt": "one"}],
                 "links": [{"href": "http://l/1", "text": "one"}],
                 "client": "corpus", "client_url": "http://client"}""".formatted(PD_KEY));
    }

    static ObjectNode change() {
        return (ObjectNode) JSON.readTree("""
                {"routing_key": "%s",
                 "payload": {"summary": "corpus change", "source": "ci", "timestamp": "2026-11-23T10:00:00Z",
                             "custom_details": {"a": 1}},
                 "links": [{"href": "http://l/1", "text": "one"}]}""".formatted(PD_KEY));
    }

    static ObjectNode webhook() {
        return (ObjectNode) JSON.readTree("""
                {"receiver": "vigil", "status": "firing", "version": "4", "groupKey": "{}:{alertname=\\"X\\"}",
                 "truncatedAlerts": 0, "groupLabels": {"alertname": "X"}, "commonLabels": {"alertname": "X"},
                 "commonAnnotations": {}, "externalURL": "http://am",
                 "alerts": [{"status": "firing", "labels": {"alertname": "X", "instance": "corpus"},
                             "annotations": {"summary": "corpus"}, "startsAt": "2026-11-23T10:00:00Z",
                             "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prom", "fingerprint": "abc"}]}""");
    }

    static ObjectNode generic() {
        return (ObjectNode) JSON.readTree("""
                {"summary": "corpus", "severity": "error", "status": "firing", "dedupKey": "corpus",
                 "source": "corpus-host", "labels": {"env": "test"}, "annotations": {"runbook": "http://r"},
                 "startsAt": "2026-11-23T10:00:00Z", "generatorUrl": "http://g"}""");
    }

    // ----------------------------------------------------------------- the corpus

    static Stream<Bad> corpus() {
        List<Bad> corpus = new ArrayList<>();
        Map<String, ObjectNode> bases = new LinkedHashMap<>();
        bases.put(EVENTS, trigger());
        bases.put(CHANGES, change());
        bases.put(WEBHOOK, webhook());
        bases.put(GENERIC, generic());
        bases.forEach((path, base) -> {
            malformed(corpus, path, base);
            wrongContentTypes(corpus, path, base);
            oversized(corpus, path, base);
            notUtf8(corpus, path, base);
            badKeys(corpus, path, base);
        });
        pagerDutyFields(corpus);
        changeFields(corpus);
        webhookFields(corpus);
        genericFields(corpus);
        cloudEvents(corpus);
        heartbeats(corpus);
        return corpus.stream();
    }

    private static void malformed(List<Bad> corpus, String path, ObjectNode base) {
        String valid = base.toString();
        for (int cut : new int[] {1, valid.length() / 4, valid.length() / 2, valid.length() * 3 / 4, valid.length() - 1}) {
            corpus.add(json(path, "truncated at " + cut, valid.substring(0, cut), "body"));
        }
        for (String text : List.of("", "{", "}", "[", "[]", "null", "42", "\"text\"", "{\"a\":}", "{'a':'b'}",
                "{\"a\":NaN}", "/* comment */ {}", "{\"a\":1,}", "\u0000", valid + "garbage", valid + valid,
                valid.replaceFirst(":", ""))) {
            corpus.add(json(path, "malformed " + abbreviate(text), text, "body"));
        }
    }

    private static void wrongContentTypes(List<Bad> corpus, String path, ObjectNode base) {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/html", "application/octet-stream")) {
            corpus.add(new Bad("content type " + type, path, headers(path, type), bytes(base.toString()),
                    "Content-Type", false));
        }
    }

    private static void oversized(List<Bad> corpus, String path, ObjectNode base) {
        String big = "x".repeat(600 * 1024);
        ObjectNode withBlob = base.deepCopy();
        withBlob.put("blob", big);
        corpus.add(new Bad("600 KB body", path, headers(path, "application/json"), bytes(withBlob.toString()),
                "larger than 512 KB", false));
        corpus.add(new Bad("600 KB chunked body", path, headers(path, "application/json"), bytes(withBlob.toString()),
                "larger than 512 KB", true));
        ObjectNode manyKeys = base.deepCopy();
        ObjectNode huge = manyKeys.putObject("custom_details");
        for (int i = 0; i < 60_000; i++) {
            huge.put("k" + i, i);
        }
        corpus.add(new Bad("huge custom_details", path, headers(path, "application/json"),
                bytes(manyKeys.toString()), "larger than 512 KB", false));
    }

    private static void notUtf8(List<Bad> corpus, String path, ObjectNode base) {
        String valid = base.toString();
        int quote = valid.indexOf("corpus") ;
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] prefix = valid.substring(0, quote).getBytes(StandardCharsets.UTF_8);
            byte[] suffix = valid.substring(quote).getBytes(StandardCharsets.UTF_8);
            body.writeBytes(prefix);
            body.writeBytes(bad);
            body.writeBytes(suffix);
            corpus.add(new Bad("invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad), path,
                    headers(path, "application/json"), body.toByteArray(), "UTF-8", false));
        }
    }

    private static void badKeys(List<Bad> corpus, String path, ObjectNode base) {
        if (path.startsWith("/v2/")) {
            for (Map.Entry<String, Consumer<ObjectNode>> bad : Map.<String, Consumer<ObjectNode>>of(
                    "unknown routing_key", e -> e.put("routing_key", "0123456789abcdef0123456789abcdef"),
                    "missing routing_key", e -> e.remove("routing_key"),
                    "blank routing_key", e -> e.put("routing_key", " "),
                    "numeric routing_key", e -> e.put("routing_key", 42),
                    "disabled routing_key", e -> e.put("routing_key", DISABLED_PD_KEY),
                    "alertmanager key as routing_key", e -> e.put("routing_key", AM_KEY),
                    "over-long routing_key", e -> e.put("routing_key", "k".repeat(256))).entrySet()) {
                ObjectNode event = base.deepCopy();
                bad.getValue().accept(event);
                corpus.add(new Bad(bad.getKey(), path, headers(path, "application/json"), bytes(event.toString()),
                        "routing_key", false));
            }
            return;
        }
        String own = path.equals(WEBHOOK) ? AM_KEY : GENERIC_KEY;
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("no key", Map.of("Content-Type", "application/json"));
        variants.put("unknown bearer key", Map.of("Content-Type", "application/json", "Authorization", "Bearer nope-nope-nope-nope"));
        variants.put("empty bearer", Map.of("Content-Type", "application/json", "Authorization", "Bearer "));
        variants.put("disabled key", Map.of("Content-Type", "application/json", "Authorization", "Bearer " + DISABLED_KEY));
        variants.put("foreign key", Map.of("Content-Type", "application/json", "Authorization",
                "Bearer " + (own.equals(AM_KEY) ? GENERIC_KEY : AM_KEY)));
        variants.put("undecodable basic auth", Map.of("Content-Type", "application/json", "Authorization", "Basic !!!"));
        variants.put("basic auth without password", Map.of("Content-Type", "application/json", "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("user".getBytes(StandardCharsets.UTF_8))));
        variants.put("other scheme", Map.of("Content-Type", "application/json", "Authorization", "Token " + own));
        variants.forEach((name, headers) -> corpus.add(new Bad(name, path, headers, bytes(base.toString()), "key", false)));
    }

    private static void pagerDutyFields(List<Bad> corpus) {
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        for (String field : List.of("event_action", "payload")) {
            bad.put("missing " + field, e -> e.remove(field));
            bad.put("null " + field, e -> e.putNull(field));
        }
        for (String field : List.of("summary", "source", "severity")) {
            bad.put("missing payload." + field, e -> payload(e).remove(field));
            bad.put("blank payload." + field, e -> payload(e).put(field, "  "));
        }
        bad.put("over-long dedup_key", e -> e.put("dedup_key", "d".repeat(256)));
        bad.put("over-long payload.summary", e -> payload(e).put("summary", "s".repeat(1025)));
        for (String field : List.of("source", "component", "group", "class")) {
            bad.put("over-long payload." + field, e -> payload(e).put(field, "s".repeat(1025)));
        }
        bad.put("over-long client", e -> e.put("client", "c".repeat(1025)));
        bad.put("over-long client_url", e -> e.put("client_url", "http://" + "c".repeat(2048)));
        bad.put("over-long links[0].href", e -> ((ObjectNode) e.get("links").get(0)).put("href", "h".repeat(2049)));
        bad.put("over-long images[0].src", e -> ((ObjectNode) e.get("images").get(0)).put("src", "h".repeat(2049)));
        for (String action : List.of("TRIGGER", "create", "ack", "resolved", "Trigger", "delete")) {
            bad.put("event_action " + action, e -> e.put("event_action", action));
        }
        for (String severity : List.of("CRITICAL", "fatal", "high", "warn", "debug", "Error")) {
            bad.put("payload.severity " + severity, e -> payload(e).put("severity", severity));
        }
        for (String field : List.of("dedup_key", "event_action", "client", "client_url")) {
            bad.put("numeric " + field, e -> e.put(field, 7));
            bad.put("object " + field, e -> e.putObject(field).put("a", 1));
        }
        for (String field : List.of("summary", "source", "severity", "component", "group", "class", "timestamp")) {
            bad.put("numeric payload." + field, e -> payload(e).put(field, 7));
            bad.put("array payload." + field, e -> payload(e).putArray(field).add("a"));
        }
        bad.put("payload as string", e -> e.put("payload", "summary"));
        bad.put("payload as array", e -> e.putArray("payload").add(1));
        bad.put("links as object", e -> e.putObject("links").put("href", "x"));
        bad.put("links[0] as string", e -> e.putArray("links").add("http://x"));
        bad.put("links[0] without href", e -> e.putArray("links").addObject().put("text", "x"));
        bad.put("images as string", e -> e.put("images", "http://x"));
        bad.put("images[0] without src", e -> e.putArray("images").addObject().put("href", "x"));
        bad.put("101 links", e -> {
            ArrayNode links = e.putArray("links");
            for (int i = 0; i < 101; i++) {
                links.addObject().put("href", "http://l/" + i);
            }
        });
        oddTimestamps().forEach(ts -> bad.put("payload.timestamp " + ts, e -> payload(e).put("timestamp", ts)));
        bad.put("acknowledge without dedup_key", e -> {
            e.put("event_action", "acknowledge");
            e.remove("dedup_key");
        });
        bad.put("resolve with blank dedup_key", e -> {
            e.put("event_action", "resolve");
            e.put("dedup_key", "");
        });
        for (int depth : new int[] {65, 300, 5000}) {
            bad.put("custom_details nested " + depth + " deep", e -> payload(e).set("custom_details", nested(depth)));
        }
        add(corpus, EVENTS, trigger(), bad);
    }

    private static void changeFields(List<Bad> corpus) {
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        bad.put("missing payload", e -> e.remove("payload"));
        bad.put("payload as string", e -> e.put("payload", "x"));
        bad.put("missing payload.summary", e -> payload(e).remove("summary"));
        bad.put("blank payload.summary", e -> payload(e).put("summary", ""));
        bad.put("over-long payload.summary", e -> payload(e).put("summary", "s".repeat(1025)));
        bad.put("numeric payload.summary", e -> payload(e).put("summary", 1));
        bad.put("numeric payload.source", e -> payload(e).put("source", 1));
        bad.put("over-long payload.source", e -> payload(e).put("source", "s".repeat(1025)));
        bad.put("links as string", e -> e.put("links", "x"));
        bad.put("links[0] without href", e -> e.putArray("links").addObject().put("text", "x"));
        oddTimestamps().forEach(ts -> bad.put("payload.timestamp " + ts, e -> payload(e).put("timestamp", ts)));
        for (int depth : new int[] {65, 5000}) {
            bad.put("custom_details nested " + depth + " deep", e -> payload(e).set("custom_details", nested(depth)));
        }
        add(corpus, CHANGES, change(), bad);
    }

    private static void webhookFields(List<Bad> corpus) {
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        bad.put("missing version", e -> e.remove("version"));
        for (String version : List.of("3", "5", "", "four")) {
            bad.put("version " + version, e -> e.put("version", version));
        }
        bad.put("missing alerts", e -> e.remove("alerts"));
        bad.put("empty alerts", e -> e.putArray("alerts"));
        bad.put("alerts as object", e -> e.putObject("alerts"));
        bad.put("null alert", e -> ((ArrayNode) e.get("alerts")).addNull());
        bad.put("1001 alerts", e -> {
            ArrayNode alerts = e.putArray("alerts");
            for (int i = 0; i < 1001; i++) {
                alerts.addObject().put("status", "firing").putObject("labels").put("n", "" + i);
            }
        });
        for (String status : List.of("pending", "FIRING", "active", "")) {
            bad.put("alerts[0].status " + status, e -> alert(e).put("status", status));
            bad.put("status " + status, e -> e.put("status", status.isEmpty() ? "ok" : status));
        }
        bad.put("missing alerts[0].status", e -> alert(e).remove("status"));
        bad.put("missing alerts[0].labels", e -> alert(e).remove("labels"));
        bad.put("empty alerts[0].labels", e -> alert(e).putObject("labels"));
        bad.put("alerts[0].labels as array", e -> alert(e).putArray("labels").add("a"));
        bad.put("nested alerts[0].labels", e -> alert(e).putObject("labels").set("a", nested(5)));
        bad.put("alerts[0].labels 5000 deep", e -> alert(e).putObject("labels").set("a", nested(5000)));
        bad.put("over-long label value", e -> ((ObjectNode) alert(e).get("labels")).put("v", "v".repeat(2049)));
        bad.put("over-long label name", e -> ((ObjectNode) alert(e).get("labels")).put("n".repeat(256), "v"));
        bad.put("65 labels", e -> {
            ObjectNode labels = alert(e).putObject("labels");
            for (int i = 0; i < 65; i++) {
                labels.put("l" + i, "v");
            }
        });
        bad.put("over-long annotation", e -> ((ObjectNode) alert(e).get("annotations")).put("a", "a".repeat(16385)));
        bad.put("annotations as string", e -> alert(e).put("annotations", "x"));
        bad.put("over-long fingerprint", e -> alert(e).put("fingerprint", "f".repeat(256)));
        bad.put("over-long generatorUrl", e -> alert(e).put("generatorURL", "g".repeat(2049)));
        bad.put("over-long groupKey", e -> e.put("groupKey", "g".repeat(1025)));
        bad.put("over-long receiver", e -> e.put("receiver", "r".repeat(256)));
        bad.put("negative truncatedAlerts", e -> e.put("truncatedAlerts", -1));
        bad.put("textual truncatedAlerts", e -> e.put("truncatedAlerts", "many"));
        for (String ts : oddTimestampsForInstants()) {
            bad.put("alerts[0].startsAt " + ts, e -> alert(e).put("startsAt", ts));
            bad.put("alerts[0].endsAt " + ts, e -> alert(e).put("endsAt", ts));
        }
        add(corpus, WEBHOOK, webhook(), bad);
    }

    private static void genericFields(List<Bad> corpus) {
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        for (String field : List.of("summary", "severity")) {
            bad.put("missing " + field, e -> e.remove(field));
            bad.put("blank " + field, e -> e.put(field, " "));
        }
        for (String severity : List.of("CRITICAL", "fatal", "high", "Error", " critical")) {
            bad.put("severity " + severity, e -> e.put("severity", severity));
        }
        for (String status : List.of("open", "FIRING", "ok", "resolving")) {
            bad.put("status " + status, e -> e.put("status", status));
        }
        bad.put("over-long service", e -> e.put("service", "s".repeat(256)));
        bad.put("over-long summary", e -> e.put("summary", "s".repeat(1025)));
        bad.put("over-long dedupKey", e -> e.put("dedupKey", "d".repeat(256)));
        bad.put("over-long source", e -> e.put("source", "s".repeat(256)));
        bad.put("over-long generatorUrl", e -> e.put("generatorUrl", "g".repeat(2049)));
        bad.put("over-long label value", e -> ((ObjectNode) e.get("labels")).put("v", "v".repeat(2049)));
        bad.put("over-long label name", e -> ((ObjectNode) e.get("labels")).put("n".repeat(256), "v"));
        bad.put("over-long annotation", e -> ((ObjectNode) e.get("annotations")).put("a", "a".repeat(16385)));
        bad.put("65 labels", e -> {
            ObjectNode labels = e.putObject("labels");
            for (int i = 0; i < 65; i++) {
                labels.put("l" + i, "v");
            }
        });
        for (String field : List.of("summary", "severity", "service", "dedupKey", "source", "status")) {
            bad.put("object " + field, e -> e.putObject(field).put("a", 1));
            bad.put("array " + field, e -> e.putArray(field).add("a"));
        }
        bad.put("labels as array", e -> e.putArray("labels").add("a"));
        bad.put("labels as string", e -> e.put("labels", "env=prod"));
        bad.put("nested labels", e -> e.putObject("labels").set("a", nested(5)));
        bad.put("labels 5000 deep", e -> e.putObject("labels").set("a", nested(5000)));
        bad.put("annotations as array", e -> e.putArray("annotations").add("a"));
        for (String ts : oddTimestampsForInstants()) {
            bad.put("startsAt " + ts, e -> e.put("startsAt", ts));
            bad.put("endsAt " + ts, e -> e.put("endsAt", ts));
        }
        add(corpus, GENERIC, generic(), bad);
    }

    static ObjectNode cloudEvent() {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"specversion": "1.0", "id": "corpus-1", "source": "/corpus", "type": "com.example.alert",
                 "time": "2026-11-23T10:00:00Z"}""");
        event.set("data", generic());
        return event;
    }

    private static void cloudEvents(List<Bad> corpus) {
        ObjectNode base = cloudEvent();
        String valid = base.toString();
        Map<String, String> structured = headers(CLOUDEVENTS, "application/cloudevents+json");
        for (String text : List.of("", "{", "[]", "null", "\"text\"", "{\"a\":}", valid.substring(0, valid.length() / 2),
                valid + "garbage")) {
            corpus.add(new Bad("malformed " + abbreviate(text), CLOUDEVENTS, structured, bytes(text), "CloudEvent", false));
        }
        for (String type : List.of("text/plain", "application/json", "application/cloudevents-batch+json", "application/xml")) {
            corpus.add(new Bad("content type " + type, CLOUDEVENTS, headers(CLOUDEVENTS, type), bytes(valid),
                    "Content-Type", false));
        }
        ObjectNode big = base.deepCopy();
        big.put("blob", "x".repeat(600 * 1024));
        corpus.add(new Bad("600 KB event", CLOUDEVENTS, structured, bytes(big.toString()), "larger than 512 KB", false));
        corpus.add(new Bad("raw control character in the id", CLOUDEVENTS, structured,
                bytes(valid.replace("corpus-1", "\u0000")), "CloudEvent", false));
        byte[] notUtf8 = bytes(valid);
        notUtf8[valid.indexOf("corpus-1")] = (byte) 0xFF;
        corpus.add(new Bad("byte 0xFF in the event", CLOUDEVENTS, structured, notUtf8, "UTF-8", false));
        Map<String, String> noKey = Map.of("Content-Type", "application/cloudevents+json");
        corpus.add(new Bad("no key", CLOUDEVENTS, noKey, bytes(valid), "key", false));
        corpus.add(new Bad("foreign key", CLOUDEVENTS, Map.of("Content-Type", "application/cloudevents+json",
                "Authorization", "Bearer " + GENERIC_KEY), bytes(valid), "key", false));
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        for (String attribute : List.of("id", "source", "type")) {
            bad.put("missing " + attribute, e -> e.remove(attribute));
            bad.put("numeric " + attribute, e -> e.put(attribute, 5));
        }
        bad.put("missing specversion", e -> e.remove("specversion"));
        bad.put("specversion 0.3", e -> e.put("specversion", "0.3"));
        bad.put("time yesterday", e -> e.put("time", "yesterday"));
        bad.put("missing data", e -> e.remove("data"));
        bad.put("data as string", e -> e.put("data", "disk full"));
        bad.put("data as array", e -> e.putArray("data").add(1));
        bad.put("datacontenttype text/plain", e -> e.put("datacontenttype", "text/plain"));
        bad.put("missing data.summary", e -> ((ObjectNode) e.get("data")).remove("summary"));
        bad.put("data.severity loud", e -> ((ObjectNode) e.get("data")).put("severity", "loud"));
        bad.put("data.status open", e -> ((ObjectNode) e.get("data")).put("status", "open"));
        bad.put("over-long data.summary", e -> ((ObjectNode) e.get("data")).put("summary", "s".repeat(1025)));
        bad.put("data.labels as array", e -> ((ObjectNode) e.get("data")).putArray("labels").add(1));
        bad.put("data.startsAt yesterday", e -> ((ObjectNode) e.get("data")).put("startsAt", "yesterday"));
        bad.forEach((name, mutation) -> {
            ObjectNode event = base.deepCopy();
            mutation.accept(event);
            String mustName = name.startsWith("missing data.") || name.startsWith("over-long data.")
                    ? name.substring(name.indexOf("data.")) : name.startsWith("data.") ? name.split(" ")[0]
                    : name.contains("specversion") ? "specversion" : null;
            corpus.add(new Bad(name, CLOUDEVENTS, structured, bytes(event.toString()), mustName, false));
        });
    }

    private static void heartbeats(List<Bad> corpus) {
        Map<String, String> headers = headers(HEARTBEATS, "application/json");
        for (String query : List.of("backup?interval=soon", "backup?interval=1s", "backup?interval=30d",
                "backup?grace=-5m", "backup?grace=forever", "backup?interval=PT", "b%20a%20d", "x".repeat(256))) {
            String mustName = query.contains("interval") ? "interval" : query.contains("grace") ? "grace" : "name";
            corpus.add(new Bad("heartbeat " + abbreviate(query), HEARTBEATS + query, headers, new byte[0], mustName,
                    false));
        }
        corpus.add(new Bad("heartbeat without key", HEARTBEATS + "backup", Map.of(), new byte[0], "key", false));
        corpus.add(new Bad("heartbeat with a generic key", HEARTBEATS + "backup",
                Map.of("Authorization", "Bearer " + GENERIC_KEY), new byte[0], "key", false));
        corpus.add(new Bad("heartbeat with a disabled key", HEARTBEATS + "backup",
                Map.of("Authorization", "Bearer " + DISABLED_KEY), new byte[0], "key", false));
    }

    static List<String> oddTimestamps() {
        List<String> odd = new ArrayList<>(oddTimestampsForInstants());
        odd.addAll(List.of("1700000000", "2026-11-23T10:00:00", "1969-12-31T23:59:59Z"));
        return odd;
    }

    static List<String> oddTimestampsForInstants() {
        return List.of("yesterday", "2026-11-23 10:00:00", "2026-13-45T10:00:00Z", "2026-11-23T25:00:00Z",
                "23/11/2026 10:00", "Mon, 23 Nov 2026 10:00:00 GMT", "0000-00-00T00:00:00Z", "2026-11-23Z",
                "T10:00:00Z", "2026-11-23T10:00:00+25:00");
    }

    // ----------------------------------------------------------------- running it

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void badRequestGetsA4xxNamingTheProblem(Bad bad) {
        HttpProbe.Response response = send(bad);
        statuses.add(response.status());

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        if (bad.path().startsWith("/v2/")) {
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode answer = json.readTree(response.body());
            assertThat(answer.get("status").asString()).isEqualTo("invalid event");
            assertThat(answer.get("message").asString()).isEqualTo("Event object is invalid");
            assertThat(answer.get("errors").isArray() && !answer.get("errors").isEmpty()).as(response.body()).isTrue();
            if (bad.mustName() != null) {
                assertThat(answer.get("errors").toString()).contains(bad.mustName());
            }
        } else {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (bad.mustName() != null) {
                assertThat(problem.get("detail").asString()).contains(bad.mustName());
            }
        }
    }

    @Test
    @Order(2)
    void corpusIsAFewHundredRequestsAndNoneOfThemReachedKafka() {
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(400);
        String marker = "corpus-done-" + UUID.randomUUID();
        assertThat(client().postJson(GENERIC, SEEDED.key("generic"), """
                {"summary": "%s", "severity": "info"}""".formatted(marker)).status()).isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker), Duration.ofSeconds(20));

        assertThat(alerts.records()).filteredOn(r -> r.value().contains(SEEDED.run()))
                .singleElement().satisfies(r -> assertThat(r.value()).contains(marker));
        assertThat(commands.records()).noneMatch(r -> r.value().contains(SEEDED.run()));
        assertThat(changes.records()).noneMatch(r -> r.value().contains(SEEDED.run()));
    }

    private HttpProbe.Response send(Bad bad) {
        byte[] body = bad.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> key : keys.entrySet()) {
            text = text.replace(key.getKey(), key.getValue());
        }
        body = text.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new LinkedHashMap<>();
        bad.headers().forEach((name, value) -> {
            String resolved = value;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                resolved = resolved.replace(key.getKey(), key.getValue());
            }
            headers.put(name, resolved);
        });
        if (!bad.chunked()) {
            return client().post(bad.path(), headers, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bad.body())));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpProbe.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ----------------------------------------------------------------- helpers

    private static void add(List<Bad> corpus, String path, ObjectNode base, Map<String, Consumer<ObjectNode>> bad) {
        bad.forEach((name, mutation) -> {
            ObjectNode event = base.deepCopy();
            mutation.accept(event);
            corpus.add(new Bad(name, path, headers(path, "application/json"), bytes(expandNesting(event.toString())),
                    named(name), false));
        });
    }

    private static final Set<String> FIELDS = Set.of("summary", "severity", "status", "service", "source",
            "dedupKey", "generatorUrl", "labels", "annotations", "alerts", "version", "payload", "startsAt", "endsAt",
            "links", "images", "client", "truncatedAlerts", "receiver", "groupKey", "fingerprint");

    /**
     * What the refusal of a mutation must name: the field its name mentions first (a JSON path such as
     * {@code payload.summary} or {@code alerts[0].labels}, or a known top-level field); for too deep nesting,
     * that.
     */
    static String named(String name) {
        if (name.startsWith("custom_details nested")) {
            return "nesting depth";
        }
        for (String word : name.split(" ")) {
            if (word.matches("[a-zA-Z_]+(\\[\\d+])?(\\.[a-zA-Z_]+)*")
                    && (word.contains("_") || word.contains(".") || word.contains("[") || FIELDS.contains(word))) {
                return word;
            }
        }
        return null;
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private static ObjectNode alert(ObjectNode webhook) {
        return (ObjectNode) webhook.get("alerts").get(0);
    }

    /** A stand-in for an object nested {@code depth} deep, expanded in the text (Jackson will not write one). */
    private static JsonNode nested(int depth) {
        return NODES.stringNode("@nested:" + depth + "@");
    }

    private static String expandNesting(String json) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"@nested:(\\d+)@\"").matcher(json);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            int depth = Integer.parseInt(matcher.group(1));
            matcher.appendReplacement(expanded, "{\"n\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static Map<String, String> headers(String path, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        if (path.equals(WEBHOOK)) {
            headers.put("Authorization", "Bearer " + AM_KEY);
        } else if (path.equals(GENERIC)) {
            headers.put("Authorization", "Bearer " + GENERIC_KEY);
        } else if (path.equals(CLOUDEVENTS)) {
            headers.put("Authorization", "Bearer " + CE_KEY);
        } else if (path.startsWith(HEARTBEATS)) {
            headers.put("Authorization", "Bearer " + HEARTBEAT_KEY);
        }
        return headers;
    }

    private static Bad json(String path, String name, String body, String mustName) {
        return new Bad(name, path, headers(path, "application/json"), bytes(body), mustName, false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").replace("\u0000", "\\0");
        return oneLine.length() <= 24 ? oneLine : oneLine.substring(0, 24) + "…";
    }
}
