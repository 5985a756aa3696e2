package io.vigil.escalation.oncall.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.escalation.oncall.adapter.file.ConfigYaml;
import io.vigil.escalation.oncall.domain.OnCallDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private final ConfigYaml yaml = new ConfigYaml();

    @Test
    void theShippedExampleIsValidAndAnswersWhoIsOnCall() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/escalation/example.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        OnCallDirectory directory = ConfigValidator.validate(yaml.read(text));

        assertThat(directory.users()).containsOnlyKeys("alice", "bob", "carol");
        assertThat(directory.policyFor("checkout")).hasValueSatisfying(policy -> {
            assertThat(policy.levels()).hasSize(3);
            assertThat(policy.rounds()).isEqualTo(3);
            assertThat(policy.level(2).delay()).isEqualTo(Duration.ofMinutes(10));
        });
        var schedule = directory.schedules().get("checkout-primary");
        // Monday 2026-01-12 10:00 London: business hours, carol's layer on top.
        assertThat(schedule.onCall(Instant.parse("2026-01-12T10:00:00Z"))).contains("carol");
        // The same Monday evening: the weekly layer, second week, bob.
        assertThat(schedule.onCall(Instant.parse("2026-01-12T20:00:00Z"))).contains("bob");
        // Christmas override.
        assertThat(schedule.onCall(Instant.parse("2026-12-25T12:00:00Z"))).contains("bob");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String broken = """
                users:
                  - {id: alice, email: alice@example.com, timeZone: Europe/Londres}
                  - {id: alice, email: again@example.com, timeZone: UTC}
                teams:
                  - {id: ops, members: [{user: nobody}]}
                schedules:
                  - id: s
                    timeZone: UTC
                    layers:
                      - {rotation: fortnightly, start: 2026-13-01, handoff: "25:00", participants: [alice, ghost]}
                    overrides:
                      - {user: alice, from: 2026-03-01T00:00:00Z, to: 2026-03-02T00:00:00Z}
                      - {user: alice, from: 2026-03-01T12:00:00Z, to: 2026-03-03T00:00:00Z}
                policies:
                  - id: empty
                    levels: []
                  - id: p
                    repeat: -1
                    levels:
                      - delay: -5m
                        targets: [{user: alice, team: ops}]
                      - delay: soon
                        targets: [{schedule: missing}]
                services:
                  checkout: unknown
                lowUrgency: sometimes
                """;
        InvalidConfiguration invalid = catchThrowableOfType(InvalidConfiguration.class,
                () -> ConfigValidator.validate(yaml.read(broken)));
        assertThat(invalid.problems()).extracting(ConfigProblem::field).containsExactlyInAnyOrder(
                "users[0].timeZone",
                "users[1].id",
                "teams[0].members[0].user",
                "schedules[0].layers[0].rotation",
                "schedules[0].layers[0].start",
                "schedules[0].layers[0].handoff",
                "schedules[0].layers[0].participants[1]",
                "schedules[0].overrides[1]",
                "policies[0].levels",
                "policies[1].repeat",
                "policies[1].levels[0].delay",
                "policies[1].levels[0].targets[0]",
                "policies[1].levels[1].delay",
                "policies[1].levels[1].targets[0].schedule",
                "services.checkout",
                "lowUrgency");
        assertThat(invalid.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("schedules[0].layers[0].participants[1]");
            assertThat(p.message()).isEqualTo("unknown user 'ghost'");
        });
    }

    @Test
    void yamlThatIsNotAConfigurationIsRefusedWithAProblem() {
        assertThatThrownBy(() -> yaml.read("users: [unclosed")).isInstanceOf(InvalidConfiguration.class);
        assertThat(ConfigValidator.validate(yaml.read("")).users()).isEmpty();
    }

    @Test
    void delaysReadInShortOrIsoForm() {
        assertThat(ConfigValidator.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigValidator.duration("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigValidator.duration("2h")).isEqualTo(Duration.ofHours(2));
    }
}
