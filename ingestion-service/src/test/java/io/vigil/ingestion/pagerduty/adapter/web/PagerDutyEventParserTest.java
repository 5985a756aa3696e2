package io.vigil.ingestion.pagerduty.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.AlertSeverity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerDutyEventParserTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void javaClientsTriggerWithNullFieldsIsValid() {
        PagerDutyEvent event = PagerDutyEventParser.parseEvent(bytes("""
                {"routing_key":"k","event_action":"trigger","payload":{"summary":"dikhan minimal trigger",
                 "source":"harness-java","severity":"warning","timestamp":null,"component":null,"group":null,
                 "class":null,"custom_details":null}}"""));

        assertThat(event).isInstanceOfSatisfying(PagerDutyEvent.Trigger.class, trigger -> {
            assertThat(trigger.dedupKey()).isNull();
            assertThat(trigger.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(trigger.timestamp()).isNull();
            assertThat(trigger.customDetails()).isNull();
        });
    }

    @Test
    void timestampWithAnOffsetIsReadAsAnInstant() {
        PagerDutyEvent.Trigger trigger = (PagerDutyEvent.Trigger) PagerDutyEventParser.parseEvent(bytes("""
                {"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"s",
                 "severity":"info","timestamp":"2026-01-02T03:04:05.678+01:00"}}"""));

        assertThat(trigger.timestamp()).isEqualTo(Instant.parse("2026-01-02T02:04:05.678Z"));
    }

    @Test
    void customDetailsThatAreNotAnObjectAreKeptUnderDetails() {
        PagerDutyEvent.Trigger trigger = (PagerDutyEvent.Trigger) PagerDutyEventParser.parseEvent(bytes("""
                {"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"s",
                 "severity":"info","custom_details":"disk at 99%"}}"""));

        assertThat(trigger.customDetails()).isEqualTo(Map.of("details", "disk at 99%"));
    }

    @Test
    void acknowledgeIgnoresThePlaceholderPayload() {
        PagerDutyEvent event = PagerDutyEventParser.parseEvent(bytes("""
                {"routing_key":"k","event_action":"acknowledge","dedup_key":"d",
                 "payload":{"summary":"BLANK","source":"BLANK","severity":"bogus"}}"""));

        assertThat(event).isEqualTo(new PagerDutyEvent.Acknowledge("k", "d"));
    }

    @Test
    void everyProblemIsListedInPagerDutysWords() {
        assertThatThrownBy(() -> PagerDutyEventParser.parseEvent(bytes("""
                {"event_action":"trigger","dedup_key":7,"payload":{"severity":"fatal"},"links":{}}""")))
                .isInstanceOfSatisfying(InvalidPagerDutyEvent.class, invalid -> assertThat(invalid.errors())
                        .containsExactly("'routing_key' is missing or blank", "'dedup_key' must be a string",
                                "'payload.summary' is missing or blank", "'payload.source' is missing or blank",
                                "'payload.severity' must be one of critical, error, warning, info",
                                "'links' must be an array"));
    }

    @Test
    void bodyThatIsNotUtf8OrNotAnObjectOrTooDeepIsRefused() {
        assertThatThrownBy(() -> PagerDutyEventParser.parseEvent(new byte[] {'{', (byte) 0xFF, '}'}))
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> PagerDutyEventParser.parseEvent(bytes("[1]")))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> PagerDutyEventParser.parseEvent(bytes("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}")))
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> PagerDutyEventParser.parseEvent(bytes("{} {}")))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void changeEventNeedsOnlyASummary() {
        PagerDutyEvent.Change change = PagerDutyEventParser.parseChange(bytes("""
                {"routing_key":"k","payload":{"summary":"deployed"}}"""));

        assertThat(change.summary()).isEqualTo("deployed");
        assertThat(change.links()).isNull();
    }
}
