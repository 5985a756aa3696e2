package io.vigil.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

    private final ClassLoader classLoader = getClass().getClassLoader();

    /**
     * The committed page is what the code generates. With {@code -Dvigil.docs.write=true} the page is rewritten
     * first (see {@link ConfigurationReference#REGENERATE}).
     */
    @Test
    void committedReferenceMatchesTheServicesConfiguration() throws IOException {
        String generated = ConfigurationReference.generate(classLoader);
        Path committed = ConfigurationReference.defaultTarget();
        if (Boolean.getBoolean("vigil.docs.write")) {
            Files.writeString(committed, generated);
        }
        String current = Files.exists(committed) ? Files.readString(committed) : "";
        if (!current.equals(generated)) {
            fail("docs/configuration.md is out of date: run " + ConfigurationReference.REGENERATE + "\n"
                    + firstDifference(current, generated));
        }
    }

    @Test
    void everyServiceSectionListsItsPropertiesWithTheDefaultsTheServiceRunsWith() {
        String page = ConfigurationReference.generate(classLoader);

        assertThat(page).contains("## ingestion-service", "## incident-core", "## escalation-service",
                "## notification-service", "## remediation-service", "## Shared by every service");
        // From notification-service.yml, not the record (which has no default for the token).
        assertThat(page).contains("| `vigil.notification.slack.bot-token` | `String` | `${VIGIL_SLACK_BOT_TOKEN:}` | "
                + "the app's bot token (`xoxb-...`); empty means log mode |");
        // Not in ingestion-service.yml: the record's @DefaultValue.
        assertThat(page).contains("| `vigil.ingestion.heartbeats.default-interval` | `Duration` | `5m` |");
        assertThat(page).contains("| `vigil.notification.retry-schedule` | `List<Duration>` | `0s, 10s, 1m, 5m, 15m` |");
        assertThat(page).contains("| `vigil.platform.kafka.partitions` | `Integer` | `3` |");
        // The shared settings a service's file gives.
        assertThat(page).contains("| `vigil.service.schema` | `notification` |");
        assertThat(page).contains("Module `incident-core`, port 8082");
    }

    @Test
    void everyVigilKeyInAServiceFileIsADeclaredProperty() {
        List<ConfigProperty> properties = ConfigurationReference.readMetadata(classLoader);
        ConfigurationReference.requireEveryService(properties);

        assertThat(ConfigurationReference.unknownKeys(properties, ConfigurationReference.serviceFiles(classLoader)))
                .as("keys under vigil.* in the services' files that no @ConfigurationProperties record declares")
                .isEmpty();
    }

    @Test
    void theServiceFileWinsOverTheRecordAndIsMatchedByRelaxedNames() {
        ConfigProperty batchSize = new ConfigProperty("vigil.escalation.batch-size", "java.lang.Integer",
                "most due steps one poller transaction fires", "io.vigil.escalation.EscalationProperties", 100);
        ConfigProperty tick = new ConfigProperty("vigil.escalation.tick", "java.time.Duration",
                "how often the {@code tick} runs", "io.vigil.escalation.EscalationProperties", "200ms");
        Map<Section, ServiceFile> files = files(Section.ESCALATION, """
                server:
                  port: 8083
                vigil:
                  escalation:
                    batchSize: 7
                """);

        String page = ConfigurationReference.render(List.of(batchSize, tick), files);

        assertThat(page).contains("| `vigil.escalation.batch-size` | `Integer` | `7` | most due steps one poller transaction fires |");
        assertThat(page).contains("| `vigil.escalation.tick` | `Duration` | `200ms` | how often the `tick` runs |");
        assertThat(page).contains("port 8083");
    }

    @Test
    void mapPropertiesShowTheEntriesTheFileGivesThem() {
        ConfigProperty services = new ConfigProperty("vigil.incident.auto-resolve.services",
                "java.util.Map<java.lang.String,java.lang.Boolean>", "per-service exceptions",
                "io.vigil.incident.incident.IncidentProperties", null);

        String withEntries = ConfigurationReference.render(List.of(services), files(Section.INCIDENT, """
                vigil.incident.auto-resolve.services:
                  batch-jobs: false
                """));
        String empty = ConfigurationReference.render(List.of(services), files(Section.INCIDENT, """
                vigil:
                  incident:
                    auto-resolve:
                      services: {}
                """));

        assertThat(withEntries).contains("| `vigil.incident.auto-resolve.services` | `Map<String, Boolean>` | `{batch-jobs: false}` |");
        assertThat(empty).contains("| `vigil.incident.auto-resolve.services` | `Map<String, Boolean>` |  | per-service exceptions |");
    }

    @Test
    void aPropertyOfAPackageNoSectionHoldsStopsTheGenerator() {
        ConfigProperty stray = new ConfigProperty("vigil.pager.volume", "java.lang.Integer", "",
                "io.vigil.pager.PagerProperties", null);

        assertThatThrownBy(() -> ConfigurationReference.render(List.of(stray), Map.of()))
                .hasMessageContaining("vigil.pager.volume is declared by io.vigil.pager.PagerProperties");
    }

    @Test
    void aServiceWithoutMetadataIsReportedWithTheCommandThatBuildsIt() {
        ConfigProperty onlyShared = new ConfigProperty("vigil.platform.kafka.partitions", "java.lang.Integer", "",
                "io.vigil.starter.VigilPlatformProperties", 3);

        assertThatThrownBy(() -> ConfigurationReference.requireEveryService(List.of(onlyShared)))
                .hasMessageContaining("No configuration metadata of ingestion-service")
                .hasMessageContaining(ConfigurationReference.REGENERATE);
    }

    @Test
    void typesAndJavadocReadAsMarkdown() {
        assertThat(ConfigurationReference.type(
                "java.util.List<io.vigil.incident.incident.IncidentProperties$SeverityScoring$LabelWeight>"))
                .isEqualTo("List<LabelWeight>");
        assertThat(ConfigurationReference.type("java.util.Map<java.lang.String,java.util.List<java.lang.String>>"))
                .isEqualTo("Map<String, List<String>>");
        assertThat(ConfigurationReference.description("link with {@code {id}} replaced;\n   see {@link io.vigil.Foo#bar} | x"))
                .isEqualTo("link with `{id}` replaced; see Foo.bar \\| x");
    }

    private static Map<Section, ServiceFile> files(Section section, String yaml) {
        Map<Section, ServiceFile> files = new EnumMap<>(Section.class);
        for (Section each : Section.values()) {
            files.put(each, ServiceFile.empty());
        }
        files.put(section, ServiceFile.parse(yaml));
        return files;
    }

    private static String firstDifference(String committed, String generated) {
        String[] was = committed.split("\n", -1);
        String[] is = generated.split("\n", -1);
        for (int line = 0; line < Math.max(was.length, is.length); line++) {
            String a = line < was.length ? was[line] : "<end of file>";
            String b = line < is.length ? is[line] : "<end of file>";
            if (!a.equals(b)) {
                return "first difference at line " + (line + 1) + ":\n  committed: " + a + "\n  generated: " + b;
            }
        }
        return "";
    }
}
